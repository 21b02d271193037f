namespace PerfEval.Actuals;

/// <summary>An amount for a named budget line.</summary>
/// <param name="Id">The line's id in the indicator set.</param>
/// <param name="Amount">The amount, in the budget's unit.</param>
public sealed record BudgetAmount(string Id, decimal Amount);
