using System.Collections.Immutable;
using PerfEval.Deviations;

namespace PerfEval.Rules;

/// <summary>Reason rules, consistency rules and extra reason categories shared by many indicator sets.</summary>
public sealed record RuleTemplate
{
    /// <summary>The template's id.</summary>
    public required string Id { get; init; }

    /// <summary>A name for readers.</summary>
    public string? Name { get; init; }

    /// <summary>Reason categories added to the built-in catalogue.</summary>
    public ImmutableArray<ReasonCategory> ReasonCategories { get; init; } = [];

    /// <summary>The reason rules.</summary>
    public ImmutableArray<ReasonRule> ReasonRules { get; init; } = [];

    /// <summary>The consistency rules.</summary>
    public ImmutableArray<ConsistencyRule> ConsistencyRules { get; init; } = [];
}
