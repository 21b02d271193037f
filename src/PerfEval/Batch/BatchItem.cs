using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;

namespace PerfEval.Batch;

/// <summary>The outcome of one programme of a batch.</summary>
public sealed record BatchItem
{
    /// <summary>The programme's position in the batch, from 0.</summary>
    public required int Index { get; init; }

    /// <summary>The programme's name.</summary>
    public required string Name { get; init; }

    /// <summary>The evaluation; null when the programme could not be read (see <see cref="Diagnostics"/>).</summary>
    public EvaluationResult? Result { get; init; }

    /// <summary>The diagnostics of reading the programme (the evaluation's findings are in <see cref="Result"/>).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>
    /// Whether the programme could not be read (<see cref="BatchItemStatus.Unreadable"/>), was evaluated with errors
    /// (<see cref="BatchItemStatus.RuleErrors"/>) or was evaluated without errors (<see cref="BatchItemStatus.Evaluated"/>).
    /// </summary>
    public BatchItemStatus Status => Result is null ? BatchItemStatus.Unreadable : Result.HasErrors ? BatchItemStatus.RuleErrors : BatchItemStatus.Evaluated;

    /// <summary>True when the programme was read, so that <see cref="Result"/> holds its evaluation (with or without errors).</summary>
    [MemberNotNullWhen(true, nameof(Result))]
    public bool WasRead => Result is not null;

    /// <summary>True when the programme was read and evaluated without errors (<see cref="BatchItemStatus.Evaluated"/>).</summary>
    [MemberNotNullWhen(true, nameof(Result))]
    public bool Succeeded => Result is { HasErrors: false };

    /// <summary>
    /// Writes the programme's one-line summary (<see cref="Reporting.ResultSummaryJson"/>): its figures, or nulls and the
    /// codes of the reading's diagnostics when it could not be read.
    /// </summary>
    /// <param name="writer">The writer.</param>
    public void WriteSummary(System.Text.Json.Utf8JsonWriter writer) =>
        Reporting.ResultSummaryJson.Write(Result, Result is null ? Diagnostics : Result.Findings, Name, writer);
}
