using System.Collections.Immutable;
using System.Runtime.InteropServices;
using PerfEval.Actuals;
using PerfEval.Diagnostics;
using PerfEval.Indicators;

namespace PerfEval.Evaluation;

/// <summary>
/// The budget step: the available budget (A) and the spending (B) from their totals or their lines, the execution
/// rate B / A and its score, each source's and expenditure's share.
/// </summary>
internal static class BudgetEvaluation
{
    /// <summary>The budget's figures; an overflowing figure is reported and scores nothing.</summary>
    /// <param name="context">The evaluation.</param>
    /// <returns>The budget's result, before its deviation is known.</returns>
    public static BudgetResult Evaluate(EvaluationContext context)
    {
        try
        {
            return Figures(context);
        }
        catch (OverflowException)
        {
            context.Findings.Add(DiagnosticCodes.FigureOutOfRange, DiagnosticSeverity.Error, "$.budget", context.ActualsMap["$.budget"], ("figure", MessageText.Of("figure.budget")));
            return new BudgetResult { Unit = context.Set.Budget.Unit, Weight = context.Policy.BudgetWeight, Score = 0m };
        }
    }

    private static BudgetResult Figures(EvaluationContext context)
    {
        var b = context.Actuals.Budget;
        var sources = Lines(context, LineKind.Sources);
        var expenditures = Lines(context, LineKind.Expenditures);
        var available = Total(context, LineKind.Sources, b.Available, sources);

        // Without a total or expenditures, the sources' spending is B when every source gives it; a total that is given
        // is checked against the sources' figures, as A is against their amounts.
        var sourcesSpent = PerfEval.Figures.SumOfAll(sources, l => l.Spent);
        var spent = Total(context, LineKind.Expenditures, b.Spent ?? (expenditures.Count == 0 ? sourcesSpent : null), expenditures);
        var sourcesInitial = PerfEval.Figures.SumOfAll(sources, l => l.Initial);
        var initial = b.Initial ?? sourcesInitial;
        SourcesAddUp(context, ("$.budget.initial", "word.initialBudget"), sourcesInitial, initial);
        SourcesAddUp(context, ("$.budget.spent", "word.spending"), sourcesSpent, spent);

        decimal? rate = null;
        var score = 0m;
        var policy = context.Policy;
        if (available is > 0 && spent is { } s)
        {
            var ratio = s / available.Value;
            rate = PerfEval.Figures.Percent(ratio);
            score = PerfEval.Figures.Round(policy.BudgetWeight * Math.Min(1m, ratio));
            if (s > available)
            {
                context.Findings.Add(DiagnosticCodes.OverSpent, DiagnosticSeverity.Warning, "$.budget.spent", context.ActualsMap["$.budget.spent"] ?? context.ActualsMap["$.budget"],
                    ("spent", s), ("available", available));
            }
        }

        if (available == 0m && spent is > 0m)
        {
            // B / A does not exist for A = 0: spending money that was never available is an error, not a missing rate.
            var path = context.ActualsMap["$.budget.available"] is not null ? "$.budget.available" : "$.budget";
            context.Findings.Add(DiagnosticCodes.SpentWithoutBudget, DiagnosticSeverity.Error, path, context.ActualsMap[path] ?? context.ActualsMap["$"],
                ("spent", spent), ("available", available));
        }

        return new BudgetResult
        {
            Unit = context.Set.Budget.Unit,
            Initial = initial,
            Available = available,
            Spent = spent,
            ExecutionRate = rate,
            Weight = policy.BudgetWeight,
            Score = score,
            Sources = Shares(sources, available),
            Expenditures = Shares(expenditures, spent),
        };
    }

    /// <summary>PE2026 when the sources' figures add up to something else than the total (where the total is given, or else on the sources).</summary>
    private static void SourcesAddUp(EvaluationContext context, (string Path, string Word) total, decimal? sum, decimal? value)
    {
        if (sum is { } s && value is { } v && s != v)
        {
            var map = context.ActualsMap;
            var path = map[total.Path] is not null ? total.Path : LineKind.Sources.LinesPath;
            context.Findings.Add(DiagnosticCodes.SourcesFigureMismatch, DiagnosticSeverity.Error, path, map[path] ?? map["$.budget"], ("figure", MessageText.Of(total.Word)), ("sum", s), ("total", v));
        }
    }

    /// <summary>The lines of one kind, as the set declares them and with the amounts the actuals give.</summary>
    private static List<Line> Lines(EvaluationContext context, LineKind kind)
    {
        var declared = kind.IsSource ? context.Set.Budget.Sources : context.Set.Budget.Expenditures;
        var given = kind.IsSource ? context.Actuals.Budget.Sources : context.Actuals.Budget.Expenditures;
        declared = declared.IsDefault ? [] : declared;
        given = given.IsDefault ? [] : given;
        var lines = new List<Line>(Math.Max(declared.Length, given.Length));
        if (declared.Length == 0)
        {
            // Lines the set does not declare are taken as given, named by their ids.
            foreach (var a in given)
            {
                lines.Add(new Line(a.Id, a.Id, kind.IsSource ? SourceCategory.Appropriation : null, a));
            }

            return lines;
        }

        var amounts = new BudgetAmount?[declared.Length];
        foreach (var a in given)
        {
            var at = -1;
            for (var k = 0; k < declared.Length && at < 0; k++)
            {
                at = declared[k].Id == a.Id ? k : -1;
            }

            if (at < 0)
            {
                var p = Loading.JsonTree.ChildPath(kind.LinesPath, a.Id);
                context.Findings.Add(DiagnosticCodes.UnknownBudgetLine, DiagnosticSeverity.Error, p, context.ActualsMap[p], ("kind", MessageText.Of(kind.LineWord)), ("id", a.Id));
                continue;
            }

            amounts[at] = a;
        }

        if (given.Length > 0)
        {
            for (var k = 0; k < declared.Length; k++)
            {
                lines.Add(new Line(declared[k].Id, declared[k].Name, kind.IsSource ? declared[k].Category : null, amounts[k] ?? new BudgetAmount(declared[k].Id, 0m)));
            }
        }

        return lines;
    }

    /// <summary>The stated total, checked against its lines, or the lines' sum when no total is stated.</summary>
    private static decimal? Total(EvaluationContext context, LineKind kind, decimal? stated, List<Line> lines)
    {
        var map = context.ActualsMap;
        var sum = lines.Count > 0 ? lines.Sum(l => l.Amount) : (decimal?)null;
        if (stated is { } total)
        {
            if (sum is { } s && s != total)
            {
                context.Findings.Add(kind.MismatchCode, DiagnosticSeverity.Error, kind.TotalPath, map[kind.TotalPath], ("sum", s), ("total", total));
            }

            return total;
        }

        if (sum is null)
        {
            context.Findings.Add(DiagnosticCodes.BudgetMissing, DiagnosticSeverity.Error, kind.TotalPath, map["$.budget"] ?? map["$"], ("figure", MessageText.Of(kind.TotalWord)));
        }

        return sum;
    }

    private static ImmutableArray<BudgetLineResult> Shares(List<Line> lines, decimal? total)
    {
        var results = new BudgetLineResult[lines.Count];
        for (var k = 0; k < results.Length; k++)
        {
            var l = lines[k];
            results[k] = new BudgetLineResult
            {
                Id = l.Id,
                Name = l.Name,
                Category = l.Category,
                Amount = l.Amount,
                Initial = l.Initial,
                Spent = l.Spent,
                ExecutionRate = l.Amount > 0 && l.Spent is { } spent ? PerfEval.Figures.Percent(spent / l.Amount) : null,
                Share = total is > 0 ? PerfEval.Figures.Percent(l.Amount / total.Value) : null,
            };
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(results);
    }

    /// <summary>A budget line's figures before its share is known.</summary>
    private readonly record struct Line(string Id, string Name, SourceCategory? Category, BudgetAmount Given)
    {
        public decimal Amount => Given.Amount;

        public decimal? Initial => Given.Initial;

        public decimal? Spent => Given.Spent;
    }

    /// <summary>Sources (which add up to A) or expenditures (which add up to B): where they stand and what they are called.</summary>
    private sealed record LineKind(bool IsSource, string LinesPath, string LineWord, string TotalPath, string TotalWord, string MismatchCode)
    {
        public static readonly LineKind Sources = new(true, "$.budget.sources", "word.source", "$.budget.available", "word.availableBudget", DiagnosticCodes.SourcesTotalMismatch);

        public static readonly LineKind Expenditures = new(false, "$.budget.expenditures", "word.expenditure", "$.budget.spent", "word.spending", DiagnosticCodes.ExpendituresTotalMismatch);
    }
}
