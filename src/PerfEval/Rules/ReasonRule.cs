using System.Collections.Immutable;

namespace PerfEval.Rules;

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
