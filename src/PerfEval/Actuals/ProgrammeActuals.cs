using System.Collections.Immutable;
using PerfEval.Diagnostics;

namespace PerfEval.Actuals;

/// <summary>One year's results for an indicator set: the money and each indicator's actual.</summary>
public sealed record ProgrammeActuals
{
    /// <summary>The id of the indicator set these actuals are for.</summary>
    public required string IndicatorSet { get; init; }

    /// <summary>The year the actuals are for, when given; it must be the indicator set's year.</summary>
    public int? Year { get; init; }

    /// <summary>The date the actuals stand at, for a monitoring point (截至日期); <see langword="null"/> at the year end.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>The budget figures.</summary>
    public BudgetActuals Budget { get; init; } = new();

    /// <summary>The indicators' actuals, in the order given.</summary>
    public ImmutableArray<IndicatorActual> Indicators { get; init; } = [];

    /// <summary>What the submitted report states, for an audit; null when nothing is stated.</summary>
    public StatedFigures? Stated { get; init; }

    /// <summary>Where each value stood in the file it was read from (empty for actuals built in code).</summary>
    internal SourceMap Locations { get; init; } = SourceMap.Empty;

    /// <summary>Warnings found while reading.</summary>
    internal ImmutableArray<Diagnostic> ReadWarnings { get; init; } = [];
}
