using System.Collections.Immutable;
using PerfEval.Actuals;
using PerfEval.Diagnostics;
using PerfEval.Indicators;
using PerfEval.Loading;

namespace PerfEval.Import;

/// <summary>
/// What an import read from a submitted table: the indicator set and the actuals (with the table's own figures under
/// <see cref="ProgrammeActuals.Stated"/>, for an audit), and every finding with the cell or row it came from.
/// </summary>
public sealed record ImportResult
{
    /// <summary>The format the file was read as.</summary>
    public required SubmissionFormat Format { get; init; }

    /// <summary>The indicator set; null when no table could be read (see <see cref="Diagnostics"/>).</summary>
    public IndicatorSet? IndicatorSet { get; init; }

    /// <summary>The actuals, with the table's stated figures; null when no table could be read.</summary>
    public ProgrammeActuals? Actuals { get; init; }

    /// <summary>The findings: cells that could not be placed or read (path: the cell, location: its row and column in the file).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>True when a finding is an error: something in the table was not imported, or the file could not be read.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The set and actuals as a programme to evaluate or audit; null when no table could be read.</summary>
    /// <returns>The programme, or null.</returns>
    public Programme? ToProgramme() => IndicatorSet is { } set && Actuals is { } actuals ? new Programme(set, actuals) : null;
}
