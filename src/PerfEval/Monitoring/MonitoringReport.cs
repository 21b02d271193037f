using System.Collections.Immutable;
using PerfEval.Diagnostics;

namespace PerfEval.Monitoring;

/// <summary>A monitoring point (绩效运行监控): each indicator's progress and projection, and budget execution, at an as-of date.</summary>
public sealed record MonitoringReport
{
    /// <summary>The id of the indicator set.</summary>
    public required string IndicatorSetId { get; init; }

    /// <summary>The programme's name.</summary>
    public required string Name { get; init; }

    /// <summary>The year.</summary>
    public required int Year { get; init; }

    /// <summary>主管部门.</summary>
    public string? Department { get; init; }

    /// <summary>实施单位.</summary>
    public string? ImplementingUnit { get; init; }

    /// <summary>The date the actuals stand at; null when the actuals have none (PE8101).</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>The share of the year elapsed at <see cref="AsOf"/>, in percent (days elapsed / days in the year).</summary>
    public required decimal Elapsed { get; init; }

    /// <summary>Budget execution so far.</summary>
    public required BudgetProgress Budget { get; init; }

    /// <summary>The indicators, in the set's order.</summary>
    public required ImmutableArray<IndicatorProgress> Indicators { get; init; }

    /// <summary>The findings: errors in the actuals and PE8101–PE8105.</summary>
    public required ImmutableArray<Diagnostic> Findings { get; init; }

    /// <summary>True when a finding is an error.</summary>
    public bool HasErrors => Findings.Any(f => f.Severity == DiagnosticSeverity.Error);
}
