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
    /// <summary>Audits an evaluation against the figures its report states.</summary>
    /// <param name="evaluation">The evaluation of the programme.</param>
    /// <param name="actuals">The actuals it was evaluated from; their <see cref="ProgrammeActuals.Stated"/> block holds the report's figures.</param>
    /// <param name="policy">The policy for the qualitative bands; the one the evaluation used when null.</param>
    /// <param name="culture">
    /// The language of the audit's findings and of the comparisons' labels; the current UI culture when null. The
    /// evaluation's own findings are kept as the evaluator wrote them.
    /// </param>
    /// <param name="claims">
    /// How a conclusion that claims every target was met is recognised (PE4007); <see cref="ConclusionClaims.Default"/> when null.
    /// </param>
    /// <returns>The comparisons and the findings.</returns>
    public static AuditResult Audit(EvaluationResult evaluation, ProgrammeActuals actuals, ScoringPolicy? policy = null, CultureInfo? culture = null, ConclusionClaims? claims = null)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(actuals);
        policy ??= evaluation.PolicyUsed ?? ScoringPolicy.Mof2020;
        var bag = new DiagnosticBag(MessageCatalog.Default, culture);
        var comparisons = ImmutableArray.CreateBuilder<StatedComparison>();
        var map = actuals.Locations;
        var stated = actuals.Stated ?? new StatedFigures();
        var b = evaluation.Budget;

        // Each stated figure is compared with the exact recomputed value, rounded once, to the stated figure's own
        // precision (0 to 4 decimals): 85 agrees with 85.496 %, 85.49 does not agree with 85.495 %.
        // Returns whether the figure agrees (a figure the report does not state agrees).
        bool Compare(string path, MessageText label, decimal? statedValue, decimal? exact)
        {
            if (statedValue is not { } s)
            {
                return true;
            }

            var decimals = Math.Min(Scale(s), MaxStatedDecimals);
            var rounded = exact is { } r ? Figures.Round(r, decimals) : (decimal?)null;
            var agrees = rounded == Figures.Round(s, decimals);

            // Shown with the stated figure's decimals: a stated 100.00 is set against 100.00, not 100.
            var recomputed = rounded is { } x ? x.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "—";
            comparisons.Add(new StatedComparison { Path = path, Label = bag.Catalog.Text(label, bag.Culture), Stated = Text(s), Recomputed = recomputed, Exact = exact is { } e ? ExactText(e) : "—", Agrees = agrees });
            if (!agrees)
            {
                bag.Add(DiagnosticCodes.StatedFigureDisagrees, DiagnosticSeverity.Error, path, map[path], ("figure", label), ("stated", Text(s)), ("recomputed", recomputed), ("exact", exact is { } z ? ExactText(z) : "—"));
            }

            return agrees;
        }

        Compare("$.stated.initial", MessageText.Of("figure.initialBudget"), stated.Initial, b.Initial);
        Compare("$.stated.available", MessageText.Of("figure.availableBudget"), stated.Available, b.Available);
        Compare("$.stated.spent", MessageText.Of("figure.spending"), stated.Spent, b.Spent);
        var ratio = b.Available is > 0 && b.Spent is { } spent ? spent / b.Available.Value : (decimal?)null;
        Compare("$.stated.executionRate", MessageText.Of("figure.executionRate"), stated.ExecutionRate, ratio * 100m ?? b.ExecutionRate);
        Compare("$.stated.budgetScore", MessageText.Of("figure.budgetScore"), stated.BudgetScore, b.Score);
        SourceRows(stated.Sources, b.Sources, Compare, bag, map);
        Totals(stated, actuals, b.Sources.Length, bag);

        Shares(stated.SourceShares, new ShareLines(b.Sources, b.Available, "$.stated.sourceShares", ("figure.sourceShares", "figure.shareOfFunds")), Compare, bag, map);
        Shares(stated.ExpenditureShares, new ShareLines(b.Expenditures, b.Spent, "$.stated.expenditureShares", ("figure.expenditureShares", "figure.shareOfSpending")), Compare, bag, map);

        var byId = evaluation.Indicators.ToDictionary(i => i.Id, StringComparer.Ordinal);
        foreach (var (id, rate) in InOrder(stated.CompletionRates, evaluation.Indicators.Select(i => i.Id)))
        {
            var path = Loading.JsonTree.ChildPath("$.stated.completionRates", id);
            if (!byId.TryGetValue(id, out var i))
            {
                bag.Add(DiagnosticCodes.StatedUnknownItem, DiagnosticSeverity.Error, path, map[path], ("id", id));
                continue;
            }

            Compare(path, MessageText.Of("figure.completionRate", ("name", i.Name)), rate, ExactCompletion(i, policy));
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

        Subtotals(stated.Level1Scores, "$.stated.level1Scores", evaluation, Compare, bag, map);
        Subtotals(stated.Level2Scores, "$.stated.level2Scores", evaluation, Compare, bag, map);
        Compare("$.stated.totalScore", MessageText.Of("figure.totalScore"), stated.TotalScore, evaluation.TotalScore);
        StatedSums.Check(evaluation, stated, map, bag);

        // Every stated score above its weight: the budget's, the total, and the preparer's own scores in the actuals.
        AboveWeight(new Scored("$.stated.budgetScore", MessageText.Of("figure.budgetScore"), stated.BudgetScore, b.Weight), bag, map);
        AboveWeight(new Scored("$.stated.totalScore", MessageText.Of("figure.totalScore"), stated.TotalScore, evaluation.TotalWeight), bag, map);
        foreach (var given in actuals.Indicators)
        {
            if (given.Score is { } preparer && byId.TryGetValue(given.Id, out var i))
            {
                AboveWeight(new Scored(Loading.JsonTree.IndicatorPath(given.Id) + ".score", i.Name, preparer, i.Weight), bag, map);
            }
        }

        if (stated.Grade is { } grade)
        {
            var agrees = grade.Trim() == evaluation.Grade.Label || grade.Trim().Equals(evaluation.Grade.Code, StringComparison.OrdinalIgnoreCase) || grade.Trim() == evaluation.Grade.EnglishLabel;
            comparisons.Add(new StatedComparison { Path = "$.stated.grade", Label = bag.Catalog.Text(MessageText.Of("figure.grade"), bag.Culture), Stated = grade, Recomputed = evaluation.Grade.Label, Exact = evaluation.Grade.Label, Agrees = agrees });
            if (!agrees)
            {
                bag.Add(DiagnosticCodes.StatedFigureDisagrees, DiagnosticSeverity.Error, "$.stated.grade", map["$.stated.grade"], ("figure", MessageText.Of("figure.grade")), ("stated", grade), ("recomputed", evaluation.Grade.Label), ("exact", Text(evaluation.TotalScore)));
            }
        }

        if (stated.Conclusion is { } conclusion && (claims ?? ConclusionClaims.Default).Claims(conclusion))
        {
            var unmet = evaluation.Indicators.Where(i => i.Status is IndicatorStatus.PartiallyMet or IndicatorStatus.NotMet or IndicatorStatus.Missing).ToArray();
            if (unmet.Length > 0)
            {
                bag.Add(DiagnosticCodes.ConclusionContradicts, DiagnosticSeverity.Error, "$.stated.conclusion", map["$.stated.conclusion"],
                    ("conclusion", conclusion.Length > 60 ? conclusion[..60] + "…" : conclusion), ("count", unmet.Length), ("names", MessageText.List(unmet.Select(i => i.Name))));
            }
        }

        // A figure with an error of the audit against it (its parts do not add up, …) is not shown as agreeing.
        var questioned = bag.ToImmutable().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Path).ToHashSet(StringComparer.Ordinal);
        return new AuditResult
        {
            Evaluation = evaluation,
            Comparisons = [.. comparisons.Select(c => c.Agrees && questioned.Contains(c.Path) ? c with { Agrees = false } : c)],
            Findings = [.. bag.ToImmutable(), .. evaluation.Findings],
        };
    }

    /// <summary>A stated score, where it stands, what it is and the weight it may not exceed.</summary>
    private readonly record struct Scored(string Path, object Name, decimal? Stated, decimal Weight);

    /// <summary>PE4004 for a stated score above its weight.</summary>
    private static void AboveWeight(Scored s, DiagnosticBag bag, SourceMap map)
    {
        if (s.Stated is { } stated && stated > s.Weight)
        {
            bag.Add(DiagnosticCodes.ScoreAboveWeight, DiagnosticSeverity.Error, s.Path, map[s.Path], ("name", s.Name), ("stated", Text(stated)), ("weight", Text(s.Weight)));
        }
    }

    /// <summary>
    /// Stated subtotals of level-1 or level-2 groups (keyed by the group's code): each compared with the sum of its
    /// indicators' scores, and checked against the sum of their weights.
    /// </summary>
    private static void Subtotals(
        ImmutableDictionary<string, decimal> stated,
        string basePath,
        EvaluationResult evaluation,
        Func<string, MessageText, decimal?, decimal?, bool> compare,
        DiagnosticBag bag,
        SourceMap map)
    {
        var level1 = basePath.EndsWith("level1Scores", StringComparison.Ordinal);
        foreach (var (code, value) in InOrder(stated, level1 ? IndicatorLevels.Level1Codes : IndicatorLevels.Level2Codes))
        {
            var path = Loading.JsonTree.ChildPath(basePath, code);
            var group = level1
                ? IndicatorLevels.TryParseLevel1(code, out var l1) ? evaluation.Indicators.Where(i => i.Level1 == l1).ToList() : []
                : IndicatorLevels.TryParseLevel2(code, out var l2) ? evaluation.Indicators.Where(i => i.Level2 == l2).ToList() : [];
            if (group.Count == 0)
            {
                bag.Add(DiagnosticCodes.StatedUnknownItem, DiagnosticSeverity.Error, path, map[path], ("id", code));
                continue;
            }

            var name = level1 ? IndicatorLevels.Text(group[0].Level1) : IndicatorLevels.Text(group[0].Level2);
            compare(path, MessageText.Of("figure.score", ("name", name)), value, group.Sum(i => i.Score));
            AboveWeight(new Scored(path, name, value, group.Sum(i => i.Weight)), bag, map);
        }
    }

    /// <summary>
    /// Each stated row of the funds block against its source's recomputed figures: initial budget, full-year budget,
    /// spending and execution rate (from the exact ratio, like the total's).
    /// </summary>
    private static void SourceRows(
        ImmutableDictionary<string, StatedSource> stated,
        ImmutableArray<BudgetLineResult> sources,
        Func<string, MessageText, decimal?, decimal?, bool> compare,
        DiagnosticBag bag,
        SourceMap map)
    {
        if (stated.IsEmpty)
        {
            return;
        }

        var byId = sources.ToDictionary(l => l.Id, StringComparer.Ordinal);
        var ordered = sources.Select(l => l.Id).Where(stated.ContainsKey).ToList();
        foreach (var id in ordered.Concat(stated.Keys.Except(ordered).Order(StringComparer.Ordinal)))
        {
            var path = Loading.JsonTree.ChildPath("$.stated.sources", id);
            if (!byId.TryGetValue(id, out var line))
            {
                bag.Add(DiagnosticCodes.StatedUnknownItem, DiagnosticSeverity.Error, path, map[path], ("id", id));
                continue;
            }

            var row = stated[id];
            var name = ("name", (object?)line.Name);
            compare(path + ".initial", MessageText.Of("figure.sourceInitial", name), row.Initial, line.Initial);
            compare(path + ".available", MessageText.Of("figure.sourceAvailable", name), row.Available, line.Amount);
            compare(path + ".spent", MessageText.Of("figure.sourceSpent", name), row.Spent, line.Spent);
            var exactRate = line.Amount > 0 && line.Spent is { } spent ? spent / line.Amount * 100m : (decimal?)null;
            compare(path + ".executionRate", MessageText.Of("figure.sourceExecutionRate", name), row.ExecutionRate, exactRate);
        }
    }

    /// <summary>
    /// Stated totals against the detail rows they are the sum of (a total row left at 0, parts that do not add up): the
    /// actuals' sources and expenditures, and the stated rows of the funds block when they cover every source.
    /// </summary>
    private static void Totals(StatedFigures stated, ProgrammeActuals actuals, int sourceCount, DiagnosticBag bag)
    {
        var budget = actuals.Budget;
        var sources = budget.Sources.IsDefault ? [] : budget.Sources;
        var expenditures = budget.Expenditures.IsDefault ? [] : budget.Expenditures;
        var rows = stated.Sources.Count == sourceCount ? [.. stated.Sources.Values] : Array.Empty<StatedSource>();
        Total(("$.stated.initial", "figure.initialBudget"), stated.Initial, [Figures.SumOfAll(sources, s => s.Initial), Figures.SumOfAll(rows, r => r.Initial)]);
        Total(("$.stated.available", "figure.availableBudget"), stated.Available, [Figures.SumOfAll(sources, s => s.Amount), Figures.SumOfAll(rows, r => r.Available)]);
        Total(("$.stated.spent", "figure.spending"), stated.Spent, [Figures.SumOfAll(expenditures, e => e.Amount), Figures.SumOfAll(sources, s => s.Spent), Figures.SumOfAll(rows, r => r.Spent)]);

        void Total((string Path, string Figure) at, decimal? total, decimal?[] sums)
        {
            if (total is not { } t)
            {
                return;
            }

            foreach (var sum in sums.OfType<decimal>().Where(s => s != t).Distinct())
            {
                bag.Add(DiagnosticCodes.TotalContradictsDetail, DiagnosticSeverity.Error, at.Path, actuals.Locations[at.Path], ("figure", MessageText.Of(at.Figure)), ("stated", Text(t)), ("sum", Text(sum)));
            }
        }
    }

    /// <summary>The budget lines of one kind, the total their shares are of, and where and how the report states them.</summary>
    private readonly record struct ShareLines(ImmutableArray<BudgetLineResult> Lines, decimal? Total, string Path, (string What, string Label) Keys)
    {
        /// <summary>A line's exact share of the total, in percent; null without a total.</summary>
        public decimal? Exact(BudgetLineResult line) => Total is > 0 ? line.Amount / Total.Value * 100m : line.Share;
    }

    private static void Shares(
        ImmutableDictionary<string, decimal> stated,
        ShareLines lines,
        Func<string, MessageText, decimal?, decimal?, bool> compare,
        DiagnosticBag bag,
        SourceMap map)
    {
        if (stated.IsEmpty)
        {
            return;
        }

        var byId = lines.Lines.ToDictionary(l => l.Id, StringComparer.Ordinal);
        var disagreeing = new List<string>();
        foreach (var (id, share) in InOrder(stated, lines.Lines.Select(l => l.Id)))
        {
            var p = Loading.JsonTree.ChildPath(lines.Path, id);
            if (!byId.TryGetValue(id, out var line))
            {
                bag.Add(DiagnosticCodes.StatedUnknownItem, DiagnosticSeverity.Error, p, map[p], ("id", id));
                continue;
            }

            var exact = lines.Exact(line);
            if (!compare(p, MessageText.Of(lines.Keys.Label, ("name", line.Name)), share, exact) && exact is { } e)
            {
                disagreeing.Add($"{line.Name} ({Text(share)}% / {Text(line.Share ?? Figures.Round(e))}%)");
            }
        }

        // Shares forced to 100 %: the stated ones add up to exactly 100 while the correctly rounded ones do not.
        var statedSum = stated.Values.Sum();
        var covered = stated.Count == lines.Lines.Length;
        var recomputedSum = lines.Lines.Sum(l => l.Share ?? 0m);
        if (covered && statedSum == 100m && recomputedSum != 100m && disagreeing.Count > 0)
        {
            bag.Add(DiagnosticCodes.SharesForced, DiagnosticSeverity.Warning, lines.Path, map[lines.Path], ("what", MessageText.Of(lines.Keys.What)), ("sum", Text(statedSum) + "%"),
                ("recomputed", Text(recomputedSum) + "%"), ("adjusted", MessageText.List(disagreeing)));
        }
    }

    /// <summary>
    /// An indicator's exact completion rate in percent, before rounding: X / T (or T / X) from its actual, as the
    /// evaluation computed it; reports print 100 % for an achieved qualitative indicator (or a numeric one met in words and
    /// graded) and 0 % for one not achieved, where PerfEval defines no ratio.
    /// </summary>
    private static decimal? ExactCompletion(IndicatorResult i, ScoringPolicy policy)
    {
        if (i.CompletionRate is not null && i.ActualNumber is { } x && i.Target.IsNumeric && i.Target.Comparison is not (Comparison.Deadline or Comparison.Qualitative))
        {
            try
            {
                if (IndicatorScorer.Numeric(i.Target, x, policy).Completion is { } ratio)
                {
                    return ratio * 100m;
                }
            }
            catch (OverflowException)
            {
                return i.CompletionRate;
            }
        }

        return i.CompletionRate ?? (i.Target.Comparison == Comparison.Qualitative || i.Grade is not null
            ? i.Status switch { IndicatorStatus.Met => 100m, IndicatorStatus.NotMet => 0m, _ => null }
            : null);
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

    /// <summary>The most decimals a stated figure is compared at.</summary>
    private const int MaxStatedDecimals = 4;

    private static int Scale(decimal value) => (decimal.GetBits(value)[3] >> 16) & 0xFF;

    /// <summary>
    /// An exact value as written for a reader: no trailing zeros (85.496, not 85.49600), and at most six decimals,
    /// followed by "…" where more were cut (24.281948…).
    /// </summary>
    private static string ExactText(decimal value)
    {
        var shown = Math.Round(value, 6, MidpointRounding.ToZero);
        return shown.ToString("0.######", CultureInfo.InvariantCulture) + (shown == value ? string.Empty : "…");
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
