namespace PerfEval.Import;

/// <summary>
/// The header labels of the self-evaluation table and its variants, in Chinese and in PerfEval's English, matched on
/// their text without white space: the importer finds columns and blocks by these labels, never by position.
/// </summary>
internal static class HeaderLabels
{
    /// <summary>The column an indicator block's header label names, if any.</summary>
    /// <param name="key">The label as a <see cref="Grid.Key"/>.</param>
    /// <returns>The column, or null.</returns>
    public static TableColumn? Indicator(string key)
    {
        if (key.Length == 0)
        {
            return null;
        }

        return key switch
        {
            _ when key.StartsWith("一级指标", StringComparison.Ordinal) || English(key, "Level1") => TableColumn.Level1,
            _ when key.StartsWith("二级指标", StringComparison.Ordinal) || English(key, "Level2") => TableColumn.Level2,
            _ when key.StartsWith("三级指标", StringComparison.Ordinal) || key is "指标名称" or "绩效指标名称" || English(key, "Indicator") => TableColumn.Name,
            _ when key.StartsWith("指标性质", StringComparison.Ordinal) || key == "指标方向" || English(key, "Comparison") => TableColumn.Comparison,
            _ when key.Contains("完成率", StringComparison.Ordinal) || English(key, "Completion") => TableColumn.CompletionRate,
            _ when key.Contains("完成值", StringComparison.Ordinal) || key.Contains("实际值", StringComparison.Ordinal) || key.Contains("完成情况", StringComparison.Ordinal) || English(key, "Actual") => TableColumn.Actual,
            _ when key.Contains("指标值", StringComparison.Ordinal) || key.Contains("目标值", StringComparison.Ordinal) || English(key, "Target") => TableColumn.Target,
            _ when key.EndsWith("单位", StringComparison.Ordinal) || English(key, "Unit") => TableColumn.Unit,
            _ when key is "分值" or "权重" or "指标分值" or "权重(分值)" || English(key, "Weight") => TableColumn.Weight,
            _ when key.EndsWith("得分", StringComparison.Ordinal) || English(key, "Score") => TableColumn.Score,
            _ when key.Contains("原因", StringComparison.Ordinal) || key.StartsWith("Deviation", StringComparison.OrdinalIgnoreCase) => TableColumn.Deviation,
            _ => null,
        };
    }

    /// <summary>The column a funds block's header label names, if any.</summary>
    /// <param name="key">The label as a <see cref="Grid.Key"/>.</param>
    /// <returns>The column, or null.</returns>
    public static TableColumn? Funds(string key) => key switch
    {
        _ when key.StartsWith("年初预算数", StringComparison.Ordinal) || English(key, "Initialbudget") => TableColumn.Initial,
        _ when key.StartsWith("全年预算数", StringComparison.Ordinal) || key.StartsWith("Available", StringComparison.OrdinalIgnoreCase) => TableColumn.Available,
        _ when key.StartsWith("全年执行数", StringComparison.Ordinal) || key.StartsWith("Spent", StringComparison.OrdinalIgnoreCase) => TableColumn.Spent,
        _ when key.StartsWith("执行率", StringComparison.Ordinal) || English(key, "Executionrate") => TableColumn.ExecutionRate,
        _ when key == "分值" || English(key, "Weight") => TableColumn.Weight,
        _ when key == "得分" || English(key, "Score") => TableColumn.Score,
        _ => null,
    };

    /// <summary>True for the label of the funds block's total row (年度资金总额).</summary>
    /// <param name="key">The label as a <see cref="Grid.Key"/>.</param>
    /// <returns>True for the total.</returns>
    public static bool IsFundsTotal(string key) =>
        key.Contains("资金总额", StringComparison.Ordinal) || key is "合计" or "总计" || English(key, "Totalfunds");

    /// <summary>True for the label of the table's last row (总分).</summary>
    /// <param name="key">The label as a <see cref="Grid.Key"/>.</param>
    /// <returns>True for the total row.</returns>
    public static bool IsTotal(string key) =>
        key.StartsWith("总分", StringComparison.Ordinal) || key is "合计" or "总计" or "合计得分" || English(key, "Total");

    /// <summary>True for the label of the goals block (年度总体目标).</summary>
    /// <param name="key">The label as a <see cref="Grid.Key"/>.</param>
    /// <returns>True for the goals.</returns>
    public static bool IsGoals(string key) => key.Contains("总体目标", StringComparison.Ordinal) || English(key, "Overallgoals");

    private static bool English(string key, string label) => key.Equals(label, StringComparison.OrdinalIgnoreCase)
        || (key.StartsWith(label, StringComparison.OrdinalIgnoreCase) && key.Length > label.Length && key[label.Length] == '(');
}
