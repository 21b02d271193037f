using System.Collections.Immutable;
using PerfEval.Diagnostics;
using PerfEval.Loading;

namespace PerfEval.Review;

/// <summary>What an <see cref="ISubmissionImporter"/> made of a file: the programme, and the diagnostics of importing it.</summary>
/// <param name="Programme">The programme read from the table; null when it could not be (the diagnostics say why).</param>
/// <param name="Diagnostics">What the importer reports, each with the cell or row it came from.</param>
public sealed record ImportedSubmission(Programme? Programme, ImmutableArray<Diagnostic> Diagnostics);
