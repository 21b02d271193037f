using System.Collections.Immutable;
using System.Globalization;
using PerfEval.Actuals;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;

namespace PerfEval.Audit;

/// <summary>
/// PE4009: a stated total or subtotal score that the report's own stated parts do not add up to, by more than the
/// rounding of those figures can explain. Only the report's figures are used, not the recomputation: the total against
/// the budget score (where the policy scores the budget) and every indicator's score, or every level-1 subtotal; each
/// stated level-1 or level-2 subtotal against the scores of every indicator under it. A sum is checked only when every
/// part of it is stated. An indicator that does not apply is a part only where the report states its score, and a
/// level-1 group where nothing applies only where it states its subtotal: a report that drops them states neither.
/// </summary>
internal static class StatedSums
{
    /// <summary>
    /// Adds a PE4009 error for each stated total or subtotal that its stated parts do not add up to. When the parts are
    /// stated at <c>d</c> decimals and the total at <c>dt</c>, n rounded parts may add up to as much as
    /// n × 0.5 × 10^-d away from the unrounded ones, and the total to 0.5 × 10^-dt away from their sum; only a
    /// difference beyond that is a finding.
    /// </summary>
    /// <param name="evaluation">The evaluation: which indicators and level groups the report has, and whether the budget is scored.</param>
    /// <param name="stated">The report's figures.</param>
    /// <param name="map">Where the stated figures are in the actuals.</param>
    /// <param name="bag">Receives the findings.</param>
    public static void Check(EvaluationResult evaluation, StatedFigures stated, SourceMap map, DiagnosticBag bag)
    {
        var indicators = evaluation.Indicators;
        if (indicators.IsDefaultOrEmpty)
        {
            return;
        }

        if (stated.TotalScore is { } total && BudgetPart(evaluation.Budget.Weight, stated.BudgetScore, out var budget))
        {
            var checkedSums = new List<decimal>();
            var scores = EveryIndicator(indicators, stated.Scores);
            if (scores is not null)
            {
                var parts = Parts(budget, scores);
                Check(("$.stated.totalScore", MessageText.Of("figure.totalScore")), total, parts, budget is null ? "parts.indicatorScores" : "parts.budgetAndIndicatorScores", map, bag, checkedSums);
            }

            var level1 = EveryLevel1(indicators, stated.Level1Scores);
            if (level1 is not null)
            {
                var parts = Parts(budget, level1);
                Check(("$.stated.totalScore", MessageText.Of("figure.totalScore")), total, parts, budget is null ? "parts.level1Scores" : "parts.budgetAndLevel1Scores", map, bag, checkedSums);
            }
        }

        Subtotals(indicators, stated, "$.stated.level1Scores", map, bag);
        Subtotals(indicators, stated, "$.stated.level2Scores", map, bag);
    }

    /// <summary>
    /// The budget's part of the total: its stated score where the policy scores the budget (no check without it), none
    /// where it does not. A score stated for a budget the policy does not score leaves it unclear what the total holds: no check.
    /// </summary>
    private static bool BudgetPart(decimal weight, decimal? statedScore, out decimal? part)
    {
        part = null;
        if (weight > 0)
        {
            part = statedScore;
            return statedScore is not null;
        }

        return statedScore is null or 0m;
    }

    private static List<decimal> Parts(decimal? budget, IEnumerable<decimal> rest) => [.. budget is { } b ? rest.Prepend(b) : rest];

    /// <summary>
    /// The stated score of every indicator in the report's order, leaving out one that does not apply and has no score
    /// stated; null when another is missing or a score is stated for an id the set does not have.
    /// </summary>
    private static List<decimal>? EveryIndicator(ImmutableArray<IndicatorResult> indicators, ImmutableDictionary<string, decimal> scores)
    {
        var parts = new List<decimal>(indicators.Length);
        foreach (var i in indicators)
        {
            if (scores.TryGetValue(i.Id, out var score))
            {
                parts.Add(score);
            }
            else if (i.Status != IndicatorStatus.NotApplicable)
            {
                return null;
            }
        }

        return parts.Count == scores.Count ? parts : null;
    }

    /// <summary>
    /// The stated subtotal of every level-1 group the report has, leaving out one where nothing applies and no subtotal is
    /// stated; null when another is missing or a key names no group of it (or names one twice).
    /// </summary>
    private static List<decimal>? EveryLevel1(ImmutableArray<IndicatorResult> indicators, ImmutableDictionary<string, decimal> level1Scores)
    {
        var groups = indicators.Select(i => i.Level1).Distinct().ToList();
        var byLevel = new Dictionary<Level1, decimal>();
        foreach (var (code, value) in level1Scores)
        {
            if (!IndicatorLevels.TryParseLevel1(code, out var level) || !groups.Contains(level) || !byLevel.TryAdd(level, value))
            {
                return null;
            }
        }

        var parts = new List<decimal>(groups.Count);
        foreach (var g in groups)
        {
            if (byLevel.TryGetValue(g, out var subtotal))
            {
                parts.Add(subtotal);
            }
            else if (indicators.Any(i => i.Level1 == g && i.Status != IndicatorStatus.NotApplicable))
            {
                return null;
            }
        }

        return parts;
    }

    /// <summary>
    /// Each stated level-1 or level-2 subtotal against the stated scores of the indicators under it, when every one of
    /// them is stated (one that does not apply may have none) and at least one is.
    /// </summary>
    private static void Subtotals(ImmutableArray<IndicatorResult> indicators, StatedFigures stated, string basePath, SourceMap map, DiagnosticBag bag)
    {
        var level1 = basePath.EndsWith("level1Scores", StringComparison.Ordinal);
        var subtotals = level1 ? stated.Level1Scores : stated.Level2Scores;
        var known = new List<(int Order, string Code, decimal Value, List<IndicatorResult> Group, MessageText Name)>();
        foreach (var (code, value) in subtotals)
        {
            if (level1 && IndicatorLevels.TryParseLevel1(code, out var l1))
            {
                var group = indicators.Where(i => i.Level1 == l1).ToList();
                known.Add(((int)l1, code, value, group, IndicatorLevels.Text(l1)));
            }
            else if (!level1 && IndicatorLevels.TryParseLevel2(code, out var l2))
            {
                var group = indicators.Where(i => i.Level2 == l2).ToList();
                known.Add(((int)l2, code, value, group, IndicatorLevels.Text(l2)));
            }
        }

        foreach (var (_, code, value, group, name) in known.OrderBy(k => k.Order).ThenBy(k => k.Code, StringComparer.Ordinal))
        {
            if (!group.TrueForAll(i => stated.Scores.ContainsKey(i.Id) || i.Status == IndicatorStatus.NotApplicable))
            {
                continue;
            }

            List<decimal> parts = [.. group.Where(i => stated.Scores.ContainsKey(i.Id)).Select(i => stated.Scores[i.Id])];
            if (parts.Count == 0)
            {
                continue;
            }

            var path = Loading.JsonTree.ChildPath(basePath, code);
            Check((path, MessageText.Of("figure.score", ("name", name))), value, parts, "parts.indicatorScores", map, bag, []);
        }
    }

    /// <summary>A PE4009 error when the stated figure and the sum of its stated parts are further apart than their rounding explains (and no finding already named that sum).</summary>
    private static void Check((string Path, MessageText Label) figure, decimal stated, List<decimal> parts, string partsKey, SourceMap map, DiagnosticBag bag, List<decimal> reported)
    {
        var sum = parts.Sum();
        var tolerance = parts.Sum(HalfUnit) + HalfUnit(stated);
        if (Math.Abs(stated - sum) <= tolerance || reported.Contains(sum))
        {
            return;
        }

        reported.Add(sum);
        bag.Add(DiagnosticCodes.StatedScoresDoNotAddUp, DiagnosticSeverity.Error, figure.Path, map[figure.Path],
            ("figure", figure.Label), ("stated", Text(stated)), ("sum", Text(sum)), ("count", parts.Count), ("parts", MessageText.Of(partsKey)), ("tolerance", tolerance.ToString("0.############################", CultureInfo.InvariantCulture)));
    }

    /// <summary>Half a unit of a figure's last stated decimal: 0.5 for 9, 0.05 for 9.5, 0.005 for 9.50.</summary>
    private static decimal HalfUnit(decimal value)
    {
        var half = 0.5m;
        for (var scale = (decimal.GetBits(value)[3] >> 16) & 0xFF; scale > 0; scale--)
        {
            half /= 10m;
        }

        return half;
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
