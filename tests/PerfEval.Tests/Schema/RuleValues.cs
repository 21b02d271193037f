namespace PerfEval.Tests.Schema;

/// <summary>The values and placeholders that rule-template.schema.json describes for rule authors.</summary>
internal static class RuleValues
{
    /// <summary>Numbers an indicator-scope rule reads.</summary>
    public static readonly string[] IndicatorNumbers =
        ["actual", "target", "upper", "completionRate", "score", "weight", "deviation", "relativeDeviation", "gap", "executionRate", "available", "spent"];

    /// <summary>True-or-false values an indicator-scope rule reads.</summary>
    public static readonly string[] IndicatorBooleans = ["met", "qualitative", "lessIsBetter", "percent", "pointsLost", "overAchieved"];

    /// <summary>Texts an indicator-scope template cites (not readable by expressions).</summary>
    public static readonly string[] IndicatorTexts = ["name", "id", "program", "unit", "targetText", "actualText"];

    /// <summary>Numbers a budget-scope rule reads (besides the budget lines' ids).</summary>
    public static readonly string[] BudgetNumbers =
        ["available", "spent", "initial", "executionRate", "score", "weight", "deviation", "relativeDeviation", "sourcesTotal", "expendituresTotal"];
}
