using System.Collections.Immutable;
using PerfEval.Deviations;
using PerfEval.Diagnostics;
using PerfEval.Rules;

namespace PerfEval.Indicators;

/// <summary>A programme's performance targets for one year (指标集): its budget lines and its indicators.</summary>
public sealed record IndicatorSet
{
    /// <summary>The set's id; actuals name it in <c>indicatorSet</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The programme's name (项目名称).</summary>
    public required string Name { get; init; }

    /// <summary>The budget year.</summary>
    public required int Year { get; init; }

    /// <summary>The supervising department (主管部门).</summary>
    public string? Department { get; init; }

    /// <summary>The implementing unit (实施单位).</summary>
    public string? ImplementingUnit { get; init; }

    /// <summary>The overall goals of the year (年度总体目标), one per line.</summary>
    public ImmutableArray<string> Goals { get; init; } = [];

    /// <summary>The budget's unit and named lines.</summary>
    public BudgetDefinition Budget { get; init; } = new();

    /// <summary>The indicators, in table order.</summary>
    public required ImmutableArray<IndicatorDefinition> Indicators { get; init; }

    /// <summary>
    /// The scoring policy the set asks for, by name (<c>mof-2020</c>, <c>regional-budget20</c>, a province's file);
    /// null for the evaluator's policy. A set read from JSON may also change some of the policy's values inline.
    /// </summary>
    public string? PolicyName { get; init; }

    /// <summary>Reason categories the set adds to the built-in catalogue.</summary>
    public ImmutableArray<ReasonCategory> ReasonCategories { get; init; } = [];

    /// <summary>The set's reason rules ("when … then reason … with text …").</summary>
    public ImmutableArray<ReasonRule> ReasonRules { get; init; } = [];

    /// <summary>The set's consistency rules (expressions that must hold between values).</summary>
    public ImmutableArray<ConsistencyRule> ConsistencyRules { get; init; } = [];

    /// <summary>
    /// The set's inline policy (<c>"policy": { "extends": …, … }</c>), read once with the set: a
    /// <c>Scoring.PolicyOverrides</c>, applied to its base when the set is prepared. It is typed as
    /// <see cref="object"/> because the scoring model names indicator levels: the indicators must not name it back
    /// (read it with <c>PolicyOverrides.Of(set)</c>).
    /// </summary>
    internal object? InlinePolicy { get; init; }

    /// <summary>Where each value stood in the file it was read from (empty for sets built in code).</summary>
    internal SourceMap Locations { get; init; } = SourceMap.Empty;

    /// <summary>Warnings found while reading the file's structure (they travel into the evaluation's findings).</summary>
    internal ImmutableArray<Diagnostic> ReadWarnings { get; init; } = [];

    /// <summary>The checks of the set made by its reader; null for sets built in code, checked when first prepared.</summary>
    internal SetCheck? Check { get; init; }
}
