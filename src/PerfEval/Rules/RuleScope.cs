namespace PerfEval.Rules;

/// <summary>What a rule looks at: each indicator in turn, or the budget.</summary>
public enum RuleScope
{
    /// <summary>Evaluated once per indicator (optionally only those listed), with that indicator's values.</summary>
    Indicator,

    /// <summary>Evaluated once, with the budget's values.</summary>
    Budget,
}
