using System.Collections.Immutable;
using PerfEval.Deviations;
using PerfEval.Diagnostics;

namespace PerfEval.Rules;

/// <summary>What a rule looks at: each indicator in turn, or the budget.</summary>
public enum RuleScope
{
    /// <summary>Evaluated once per indicator (optionally only those listed), with that indicator's values.</summary>
    Indicator,

    /// <summary>Evaluated once, with the budget's values.</summary>
    Budget,
}

/// <summary>
/// "When &lt;expression&gt; then reason &lt;category&gt; with text &lt;template&gt;": a reason rule, written by a rule author in JSON.
/// See docs/rules.md for the values an expression can read and the placeholders a template can cite.
/// </summary>
public sealed record ReasonRule
{
    /// <summary>The rule's id, unique among the rules applied to a set.</summary>
    public required string Id { get; init; }

    /// <summary>The condition, for example <c>completionRate &lt; 100 &amp;&amp; actual &lt; target</c>.</summary>
    public required string When { get; init; }

    /// <summary>The reason category's id.</summary>
    public required string Category { get; init; }

    /// <summary>The reason's text; <c>{actual}</c>, <c>{target}</c>, <c>{completionRate}</c>… cite values.</summary>
    public required string Text { get; init; }

    /// <summary>Improvement measures to attach, also a template; optional.</summary>
    public string? Measures { get; init; }

    /// <summary>What the rule looks at.</summary>
    public RuleScope Scope { get; init; } = RuleScope.Indicator;

    /// <summary>The indicators the rule applies to; empty for all.</summary>
    public ImmutableArray<string> Indicators { get; init; } = [];
}

/// <summary>An expression that must hold between values (a total equals its parts); a finding when it does not.</summary>
public sealed record ConsistencyRule
{
    /// <summary>The rule's id.</summary>
    public required string Id { get; init; }

    /// <summary>The expression that must be true, for example <c>hardship + enterprises + publicJobs == actual</c>.</summary>
    public required string Expression { get; init; }

    /// <summary>The finding's code when the rule fails (<c>PE3002</c> unless the rule author names one, such as <c>ZL001</c>).</summary>
    public string Code { get; init; } = DiagnosticCodes.ConsistencyRuleFailed;

    /// <summary>The finding's severity.</summary>
    public DiagnosticSeverity Severity { get; init; } = DiagnosticSeverity.Error;

    /// <summary>The finding's message, a template like a reason's text; a standard message when null.</summary>
    public string? Message { get; init; }

    /// <summary>What the rule looks at.</summary>
    public RuleScope Scope { get; init; } = RuleScope.Indicator;

    /// <summary>The indicators the rule applies to; empty for every indicator that has the values it reads.</summary>
    public ImmutableArray<string> Indicators { get; init; } = [];
}

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
