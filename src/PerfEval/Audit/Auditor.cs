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
    /// <param name="culture">
    /// The language of the audit's findings and of the comparisons' labels; the current UI culture when null. The
    /// evaluation's own findings are kept as the evaluator wrote them.
    /// </param>
    /// <returns>The comparisons and the findings.</returns>
    public static AuditResult Audit(EvaluationResult evaluation, ProgrammeActuals actuals, ScoringPolicy? policy = null, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(actuals);
        policy ??= evaluation.PolicyUsed ?? ScoringPolicy.Mof2020;
        var bag = new DiagnosticBag(MessageCatalog.Default, culture);
        var comparisons = ImmutableArray.CreateBuilder<StatedComparison>();
        var map = actuals.Locations;
        var stated = actuals.Stated ?? new StatedFigures();
        var b = evaluation.Budget;

        void Compare(string path, MessageText label, decimal? statedValue, decimal? recomputed)
        {
            if (statedValue is not { } s)
            {
                return;
            }

            var decimals = Scale(s);
            var rounded = recomputed is { } r ? Figures.Round(r, decimals) : (decimal?)null;
            var agrees = rounded == s;
            comparisons.Add(new StatedComparison { Path = path, Label = bag.Catalog.Text(label, bag.Culture), Stated = Text(s), Recomputed = rounded is { } x ? Text(x) : "—", Exact = recomputed is { } e ? Text(e) : "—", Agrees = agrees });
            if (!agrees)
            {
                bag.Add(DiagnosticCodes.StatedFigureDisagrees, DiagnosticSeverity.Error, path, map[path], ("figure", label), ("stated", Text(s)), ("recomputed", rounded is { } y ? Text(y) : "—"), ("exact", recomputed is { } z ? Text(z) : "—"));
            }
        }

        Compare("$.stated.available", MessageText.Of("figure.availableBudget"), stated.Available, b.Available);
        Compare("$.stated.spent", MessageText.Of("figure.spending"), stated.Spent, b.Spent);
        Compare("$.stated.executionRate", MessageText.Of("figure.executionRate"), stated.ExecutionRate, b.ExecutionRate);
        Compare("$.stated.budgetScore", MessageText.Of("figure.budgetScore"), stated.BudgetScore, b.Score);
        Totals(stated, actuals, bag);

        Shares(stated.SourceShares, b.Sources, "$.stated.sourceShares", ("figure.sourceShares", "figure.shareOfFunds"), Compare, bag, map);
        Shares(stated.ExpenditureShares, b.Expenditures, "$.stated.expenditureShares", ("figure.expenditureShares", "figure.shareOfSpending"), Compare, bag, map);

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
            Compare(path, MessageText.Of("figure.completionRate", ("name", i.Name)), rate, recomputed);
        }

        foreach (var (id, score) in InOrder(stated.Scores, evaluation.Indicators.Select(i => i.Id)))
        {
            var path = Loading.JsonTree.ChildPath("$.stated.scores", id);
            if (!byId.TryGetValue(id, out var i))
            {
                bag.Add(DiagnosticCodes.StatedUnknownItem, DiagnosticSeverity.Error, path, map[path], ("id", id));
                continue;
            }

            Compare(path, MessageText.Of("figure.score", ("name", i.Name)), score, i.Score);
            Score(i, score, path, map, bag, policy);
        }

        Compare("$.stated.totalScore", MessageText.Of("figure.totalScore"), stated.TotalScore, evaluation.TotalScore);
        if (stated.Grade is { } grade)
        {
            var agrees = grade.Trim() == evaluation.Grade.Label || grade.Trim().Equals(evaluation.Grade.Code, StringComparison.OrdinalIgnoreCase) || grade.Trim() == evaluation.Grade.EnglishLabel;
            comparisons.Add(new StatedComparison { Path = "$.stated.grade", Label = bag.Catalog.Text(MessageText.Of("figure.grade"), bag.Culture), Stated = grade, Recomputed = evaluation.Grade.Label, Exact = evaluation.Grade.Label, Agrees = agrees });
            if (!agrees)
            {
                bag.Add(DiagnosticCodes.StatedFigureDisagrees, DiagnosticSeverity.Error, "$.stated.grade", map["$.stated.grade"], ("figure", MessageText.Of("figure.grade")), ("stated", grade), ("recomputed", evaluation.Grade.Label), ("exact", Text(evaluation.TotalScore)));
            }
        }

        if (stated.Conclusion is { } conclusion && FullCompletionClaims.Any(c => conclusion.Contains(c, StringComparison.OrdinalIgnoreCase)))
        {
            var unmet = evaluation.Indicators.Where(i => i.Status is IndicatorStatus.PartiallyMet or IndicatorStatus.NotMet or IndicatorStatus.Missing).ToList();
            if (unmet.Count > 0)
            {
                bag.Add(DiagnosticCodes.ConclusionContradicts, DiagnosticSeverity.Error, "$.stated.conclusion", map["$.stated.conclusion"],
                    ("conclusion", conclusion.Length > 60 ? conclusion[..60] + "…" : conclusion), ("count", unmet.Count), ("names", MessageText.List(unmet.Select(i => i.Name))));
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
    private static void Totals(StatedFigures stated, ProgrammeActuals actuals, DiagnosticBag bag)
    {
        var sources = actuals.Budget.Sources.IsDefaultOrEmpty ? (decimal?)null : actuals.Budget.Sources.Sum(s => s.Amount);
        var spending = actuals.Budget.Expenditures.IsDefaultOrEmpty ? (decimal?)null : actuals.Budget.Expenditures.Sum(s => s.Amount);
        if (stated.Available is { } a && sources is { } s && a != s)
        {
            bag.Add(DiagnosticCodes.TotalContradictsDetail, DiagnosticSeverity.Error, "$.stated.available", actuals.Locations["$.stated.available"], ("figure", MessageText.Of("figure.availableBudget")), ("stated", Text(a)), ("sum", Text(s)));
        }

        if (stated.Spent is { } b && spending is { } e && b != e)
        {
            bag.Add(DiagnosticCodes.TotalContradictsDetail, DiagnosticSeverity.Error, "$.stated.spent", actuals.Locations["$.stated.spent"], ("figure", MessageText.Of("figure.spending")), ("stated", Text(b)), ("sum", Text(e)));
        }
    }

    private static void Shares(
        ImmutableDictionary<string, decimal> stated,
        ImmutableArray<BudgetLineResult> lines,
        string path,
        (string What, string Label) keys,
        Action<string, MessageText, decimal?, decimal?> compare,
        DiagnosticBag bag,
        SourceMap map)
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

            compare(p, MessageText.Of(keys.Label, ("name", line.Name)), share, line.Share);
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
            bag.Add(DiagnosticCodes.SharesForced, DiagnosticSeverity.Warning, path, map[path], ("what", MessageText.Of(keys.What)), ("sum", Text(statedSum) + "%"),
                ("recomputed", Text(recomputedSum) + "%"), ("adjusted", MessageText.List(disagreeing)));
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
                    ("grade", QualitativeGrading.Label(grade)));
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
