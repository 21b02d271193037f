using System.Collections.Immutable;
using System.Globalization;
using PerfEval.Actuals;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Scoring;

namespace PerfEval.Audit;

/// <summary>Recomputes what a submitted report states (the actuals' <c>stated</c> block) and lists each disagreement.</summary>
public static class Auditor
{
    private static readonly string[] FullCompletionClaims = ["全面完成", "全部完成", "均已完成", "均完成", "圆满完成", "全部达成", "均已达成", "均达到", "全部实现", "all targets were met", "all targets met", "fully met"];

    /// <summary>Audits an evaluation against the figures its report states.</summary>
    /// <param name="evaluation">The evaluation of the programme.</param>
    /// <param name="actuals">The actuals it was evaluated from; their <see cref="ProgrammeActuals.Stated"/> block holds the report's figures.</param>
    /// <param name="policy">The policy for the qualitative bands; the one the evaluation used when null.</param>
    /// <returns>The comparisons and the findings.</returns>
    public static AuditResult Audit(EvaluationResult evaluation, ProgrammeActuals actuals, ScoringPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(actuals);
        policy ??= evaluation.PolicyUsed ?? ScoringPolicy.Mof2020;
        var bag = new DiagnosticBag();
        var comparisons = ImmutableArray.CreateBuilder<StatedComparison>();
        var map = actuals.Locations;
        var zh = Messages.IsChinese;
        var stated = actuals.Stated ?? new StatedFigures();
        var b = evaluation.Budget;

        void Compare(string path, string label, decimal? statedValue, decimal? recomputed)
        {
            if (statedValue is not { } s)
            {
                return;
            }

            var decimals = Scale(s);
            var rounded = recomputed is { } r ? Figures.Round(r, decimals) : (decimal?)null;
            var agrees = rounded == s;
            comparisons.Add(new StatedComparison { Path = path, Label = label, Stated = Text(s), Recomputed = rounded is { } x ? Text(x) : "—", Exact = recomputed is { } e ? Text(e) : "—", Agrees = agrees });
            if (!agrees)
            {
                bag.Add(DiagnosticCodes.StatedFigureDisagrees, DiagnosticSeverity.Error, path, map[path], ("figure", label), ("stated", Text(s)), ("recomputed", rounded is { } y ? Text(y) : "—"), ("exact", recomputed is { } z ? Text(z) : "—"));
            }
        }

        Compare("$.stated.available", zh ? "全年预算数" : "available budget", stated.Available, b.Available);
        Compare("$.stated.spent", zh ? "全年执行数" : "spending", stated.Spent, b.Spent);
        Compare("$.stated.executionRate", zh ? "执行率" : "execution rate", stated.ExecutionRate, b.ExecutionRate);
        Compare("$.stated.budgetScore", zh ? "预算执行得分" : "budget score", stated.BudgetScore, b.Score);
        Totals(stated, actuals, bag, zh);

        Shares(stated.SourceShares, b.Sources, "$.stated.sourceShares", zh ? "资金来源占比" : "source shares", zh ? "占资金总额比例" : "share of funds", Compare, bag, map, zh);
        Shares(stated.ExpenditureShares, b.Expenditures, "$.stated.expenditureShares", zh ? "支出占比" : "spending shares", zh ? "占总支出比例" : "share of spending", Compare, bag, map, zh);

        var byId = evaluation.Indicators.ToDictionary(i => i.Id, StringComparer.Ordinal);
        foreach (var (id, rate) in InOrder(stated.CompletionRates, evaluation.Indicators.Select(i => i.Id)))
        {
            var path = Loading.JsonTree.ChildPath("$.stated.completionRates", id);
            if (!byId.TryGetValue(id, out var i))
            {
                bag.Add(DiagnosticCodes.StatedUnknownItem, DiagnosticSeverity.Error, path, map[path], ("id", id));
                continue;
            }

            // Reports print 100 % for an achieved qualitative indicator (and 0 % for one not achieved), where PerfEval defines no ratio.
            var recomputed = i.CompletionRate ?? (i.Target.Comparison == Comparison.Qualitative
                ? i.Status switch { IndicatorStatus.Met => 100m, IndicatorStatus.NotMet => 0m, _ => null }
                : null);
            Compare(path, $"{i.Name} {(zh ? "完成率" : "completion rate")}", rate, recomputed);
        }

        foreach (var (id, score) in InOrder(stated.Scores, evaluation.Indicators.Select(i => i.Id)))
        {
            var path = Loading.JsonTree.ChildPath("$.stated.scores", id);
            if (!byId.TryGetValue(id, out var i))
            {
                bag.Add(DiagnosticCodes.StatedUnknownItem, DiagnosticSeverity.Error, path, map[path], ("id", id));
                continue;
            }

            Compare(path, $"{i.Name} {(zh ? "得分" : "score")}", score, i.Score);
            Score(i, score, path, map, bag, policy);
        }

        Compare("$.stated.totalScore", zh ? "总分" : "total score", stated.TotalScore, evaluation.TotalScore);
        if (stated.Grade is { } grade)
        {
            var agrees = grade.Trim() == evaluation.Grade.Label || grade.Trim().Equals(evaluation.Grade.Code, StringComparison.OrdinalIgnoreCase) || grade.Trim() == evaluation.Grade.EnglishLabel;
            comparisons.Add(new StatedComparison { Path = "$.stated.grade", Label = zh ? "评价等级" : "grade", Stated = grade, Recomputed = evaluation.Grade.Label, Exact = evaluation.Grade.Label, Agrees = agrees });
            if (!agrees)
            {
                bag.Add(DiagnosticCodes.StatedFigureDisagrees, DiagnosticSeverity.Error, "$.stated.grade", map["$.stated.grade"], ("figure", zh ? "评价等级" : "grade"), ("stated", grade), ("recomputed", evaluation.Grade.Label), ("exact", Text(evaluation.TotalScore)));
            }
        }

        if (stated.Conclusion is { } conclusion && FullCompletionClaims.Any(c => conclusion.Contains(c, StringComparison.OrdinalIgnoreCase)))
        {
            var unmet = evaluation.Indicators.Where(i => i.Status is IndicatorStatus.PartiallyMet or IndicatorStatus.NotMet or IndicatorStatus.Missing).ToList();
            if (unmet.Count > 0)
            {
                bag.Add(DiagnosticCodes.ConclusionContradicts, DiagnosticSeverity.Error, "$.stated.conclusion", map["$.stated.conclusion"],
                    ("conclusion", conclusion.Length > 60 ? conclusion[..60] + "…" : conclusion), ("count", unmet.Count), ("names", string.Join(zh ? "、" : ", ", unmet.Select(i => i.Name))));
            }
        }

        return new AuditResult
        {
            Evaluation = evaluation,
            Comparisons = comparisons.ToImmutable(),
            Findings = [.. bag.ToImmutable(), .. evaluation.Findings],
        };
    }

    /// <summary>Stated totals against the detail rows of the actuals (a total row left at 0, parts that do not add up).</summary>
    private static void Totals(StatedFigures stated, ProgrammeActuals actuals, DiagnosticBag bag, bool zh)
    {
        var sources = actuals.Budget.Sources.IsDefaultOrEmpty ? (decimal?)null : actuals.Budget.Sources.Sum(s => s.Amount);
        var spending = actuals.Budget.Expenditures.IsDefaultOrEmpty ? (decimal?)null : actuals.Budget.Expenditures.Sum(s => s.Amount);
        if (stated.Available is { } a && sources is { } s && a != s)
        {
            bag.Add(DiagnosticCodes.TotalContradictsDetail, DiagnosticSeverity.Error, "$.stated.available", actuals.Locations["$.stated.available"], ("figure", zh ? "全年预算数" : "available budget"), ("stated", Text(a)), ("sum", Text(s)));
        }

        if (stated.Spent is { } b && spending is { } e && b != e)
        {
            bag.Add(DiagnosticCodes.TotalContradictsDetail, DiagnosticSeverity.Error, "$.stated.spent", actuals.Locations["$.stated.spent"], ("figure", zh ? "全年执行数" : "spending"), ("stated", Text(b)), ("sum", Text(e)));
        }
    }

    private static void Shares(
        ImmutableDictionary<string, decimal> stated,
        ImmutableArray<BudgetLineResult> lines,
        string path,
        string what,
        string label,
        Action<string, string, decimal?, decimal?> compare,
        DiagnosticBag bag,
        SourceMap map,
        bool zh)
    {
        if (stated.IsEmpty)
        {
            return;
        }

        var byId = lines.ToDictionary(l => l.Id, StringComparer.Ordinal);
        var disagreeing = new List<string>();
        foreach (var (id, share) in InOrder(stated, lines.Select(l => l.Id)))
        {
            var p = Loading.JsonTree.ChildPath(path, id);
            if (!byId.TryGetValue(id, out var line))
            {
                bag.Add(DiagnosticCodes.StatedUnknownItem, DiagnosticSeverity.Error, p, map[p], ("id", id));
                continue;
            }

            compare(p, $"{line.Name} {label}", share, line.Share);
            if (line.Share is { } recomputed && Figures.Round(recomputed, Scale(share)) != share)
            {
                disagreeing.Add($"{line.Name} ({Text(share)}% / {Text(recomputed)}%)");
            }
        }

        // Shares forced to 100 %: the stated ones add up to exactly 100 while the correctly rounded ones do not.
        var statedSum = stated.Values.Sum();
        var covered = stated.Count == lines.Length;
        var recomputedSum = lines.Sum(l => l.Share ?? 0m);
        if (covered && statedSum == 100m && recomputedSum != 100m && disagreeing.Count > 0)
        {
            bag.Add(DiagnosticCodes.SharesForced, DiagnosticSeverity.Warning, path, map[path], ("what", what), ("sum", Text(statedSum) + "%"),
                ("recomputed", Text(recomputedSum) + "%"), ("adjusted", string.Join(zh ? "、" : ", ", disagreeing)));
        }
    }

    private static void Score(IndicatorResult i, decimal stated, string path, SourceMap map, DiagnosticBag bag, ScoringPolicy policy)
    {
        if (stated > i.Weight)
        {
            bag.Add(DiagnosticCodes.ScoreAboveWeight, DiagnosticSeverity.Error, path, map[path], ("name", i.Name), ("stated", Text(stated)), ("weight", Text(i.Weight)));
        }

        if (i.Grade is { } grade)
        {
            var (low, high, _) = IndicatorScorer.Band(grade, i.Weight, policy);
            var inBand = stated >= low && (grade == QualitativeGrade.Achieved ? stated <= high : stated < high);
            if (!inBand)
            {
                bag.Add(DiagnosticCodes.StatedScoreOutOfBand, DiagnosticSeverity.Error, path, map[path], ("name", i.Name), ("stated", Text(stated)),
                    ("low", Notation.Number(Figures.Round(low))), ("high", Notation.Number(Figures.Round(high))),
                    ("grade", grade switch { QualitativeGrade.Achieved => Messages.IsChinese ? "达成" : "achieved", QualitativeGrade.Partial => Messages.IsChinese ? "部分达成" : "partial", _ => Messages.IsChinese ? "未达成" : "not achieved" }));
            }
        }

        if (i.Status == IndicatorStatus.Met && stated < i.Weight && i.Score == i.Weight)
        {
            bag.Add(DiagnosticCodes.MetButScoredBelowWeight, DiagnosticSeverity.Warning, path, map[path], ("name", i.Name), ("stated", Text(stated)), ("weight", Text(i.Weight)));
        }
    }

    /// <summary>The stated figures in the order of the report's items (then any unknown ids, by name).</summary>
    private static IEnumerable<KeyValuePair<string, decimal>> InOrder(ImmutableDictionary<string, decimal> figures, IEnumerable<string> order)
    {
        var ordered = order.Where(figures.ContainsKey).ToList();
        return ordered.Concat(figures.Keys.Except(ordered).Order(StringComparer.Ordinal)).Select(id => KeyValuePair.Create(id, figures[id]));
    }

    private static int Scale(decimal value) => (decimal.GetBits(value)[3] >> 16) & 0xFF;

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
