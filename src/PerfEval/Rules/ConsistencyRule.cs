using System.Collections.Immutable;
using PerfEval.Diagnostics;

namespace PerfEval.Rules;

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
