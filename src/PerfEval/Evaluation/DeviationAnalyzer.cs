using System.Collections.Immutable;
using PerfEval.Deviations;
using PerfEval.Actuals;
using PerfEval.Diagnostics;
using PerfEval.Indicators;
using PerfEval.Rules;
using PerfEval.Scoring;
using PerfEval.Preparation;

namespace PerfEval.Evaluation;

/// <summary>
/// Section 7 of the domain rules: how far each indicator and the budget are from target, whether that must be
/// explained, the reasons given (the preparer's and the rules'), the consistency rules, and the missing explanations.
/// </summary>
internal sealed partial class DeviationAnalyzer(EvaluationContext context)
{
    private readonly ScoringPolicy policy = context.Policy;
    private readonly CompiledRules rules = context.Plan.Rules;
    private readonly IndicatorSet set = context.Set;
    private readonly ProgrammeActuals actuals = context.Actuals;
    private readonly DiagnosticBag findings = context.Findings;

    /// <summary>Whether the labels of reason categories are Chinese: they follow the language of the findings.</summary>
    private readonly bool _chinese = Messages.IsChineseCulture(context.Findings.Culture);

    private static readonly ImmutableArray<ExplanationTrigger> PointsLost = [ExplanationTrigger.PointsLost];
    private static readonly ImmutableArray<ExplanationTrigger> OverAchievement = [ExplanationTrigger.OverAchievement];
    private static readonly ImmutableArray<ExplanationTrigger> Both = [ExplanationTrigger.PointsLost, ExplanationTrigger.OverAchievement];


    /// <summary>Gives every indicator its deviation (set on the result, which is not yet handed out) and returns the budget with its own.</summary>
    public BudgetResult Analyze(BudgetResult budget, ImmutableArray<IndicatorResult> indicators, IndicatorActual?[] given)
    {
        budget = AnalyzeBudget(budget);
        for (var i = 0; i < indicators.Length; i++)
        {
            indicators[i].SetDeviation(AnalyzeIndicator(i, indicators[i], given[i], budget));
        }

        return budget;
    }

    private BudgetResult AnalyzeBudget(BudgetResult budget)
    {
        var deviation = new Deviation
        {
            Direction = budget.Available is { } a && budget.Spent is { } s ? Direction(s - a) : DeviationDirection.None,
            Absolute = budget.Spent - budget.Available,
            Relative = budget.Available is > 0 && budget.Spent is { } spent ? Figures.Percent((spent - budget.Available.Value) / budget.Available.Value) : null,
            Triggers = budget.ExecutionRate < policy.BudgetExplanationBelow || (budget.ExecutionRate is null && budget.Available is not null)
                ? [ExplanationTrigger.BudgetUnderExecution]
                : [],
        };

        var b = actuals.Budget;
        var own = Preparer(b.Reason, b.Measures, b.ReasonCategory, "$.budget");
        if (!rules.HasBudgetRules)
        {
            deviation = own is null ? deviation : deviation with { Reasons = [own] };
            BudgetExplanation(deviation);
            return budget with { Deviation = deviation };
        }

        var values = BudgetValues(budget, deviation);
        var reasons = ImmutableArray.CreateBuilder<DeviationReason>();
        if (own is not null)
        {
            reasons.Add(own);
        }

        foreach (var (rule, when) in rules.Reasons.Where(r => r.Rule.Scope == RuleScope.Budget))
        {
            if (Holds(rule.Id, when, new RuleScopeValues(values, "$.budget"), explicitTarget: false) == true)
            {
                reasons.Add(RuleReason(rule, values));
            }
        }

        foreach (var (rule, expression) in rules.Consistency.Where(r => r.Rule.Scope == RuleScope.Budget))
        {
            if (Holds(rule.Id, expression, new RuleScopeValues(values, "$.budget"), explicitTarget: true) == false)
            {
                Inconsistent(rule, values, "$.budget");
            }
        }

        deviation = deviation with { Reasons = reasons.ToImmutable() };
        BudgetExplanation(deviation);
        return budget with { Deviation = deviation };
    }

    private void BudgetExplanation(Deviation deviation)
    {
        if (deviation.ExplanationRequired && !deviation.Reasons.Any(r => r.Text.Length > 0))
        {
            findings.Add(DiagnosticCodes.ExplanationMissing, DiagnosticSeverity.Warning, "$.budget", actuals.Locations["$.budget"],
                ("name", MessageText.Of("figure.budgetExecution")), ("id", "budget"), ("triggers", Triggers(deviation)));
        }
    }

    private Deviation AnalyzeIndicator(int position, IndicatorResult r, IndicatorActual? given, BudgetResult budget)
    {
        var own = given is null ? null : Preparer(given.Reason, given.Measures, given.ReasonCategory, given.Id);

        // The common case: no rules to run, so no values to gather, and the preparer's reason is known before the deviation is made.
        var ruleless = !rules.HasIndicatorRules || r.Status == IndicatorStatus.NotApplicable;
        var reasons = ruleless && own is not null ? [own] : ImmutableArray<DeviationReason>.Empty;
        Deviation deviation;
        try
        {
            deviation = Measure(r, reasons);
        }
        catch (OverflowException)
        {
            // X − T or (X − T) / T is beyond a decimal: the deviation has no figure, and the finding says so.
            deviation = Deviation.None with { Triggers = r.Score < r.Weight ? PointsLost : [], Reasons = reasons };
            var (path, location) = context.IndicatorPlace(position, r.Id, given is not null);
            findings.Add(DiagnosticCodes.FigureOutOfRange, DiagnosticSeverity.Warning, path, location,
                ("figure", MessageText.Of("figure.indicatorDeviation", ("id", r.Id))));
        }

        if (!ruleless)
        {
            var ruled = RunRules(r, given, deviation, (budget, context.IndicatorPlace(position, r.Id, given is not null).Path));
            deviation = deviation with { Reasons = own is null ? ruled : ruled.Insert(0, own) };
        }

        MissingExplanation((position, given is not null), r, deviation);
        return deviation;
    }

    /// <summary>The rules of the indicator scope for one indicator (a method of its own: only sets with rules pay for its closures).</summary>
    private ImmutableArray<DeviationReason> RunRules(IndicatorResult r, IndicatorActual? given, Deviation deviation, (BudgetResult Budget, string Path) where)
    {
        var (budget, path) = where;
        var values = IndicatorValues(r, given, deviation, budget);
        var scope = new RuleScopeValues(values, path);
        var reasons = ImmutableArray.CreateBuilder<DeviationReason>();

        foreach (var (rule, when) in rules.Reasons.Where(x => x.Rule.Scope == RuleScope.Indicator && Applies(x.Rule.Indicators, r.Id)))
        {
            if (Holds(rule.Id, when, scope, explicitTarget: false) == true)
            {
                reasons.Add(RuleReason(rule, values));
            }
        }

        foreach (var (rule, expression) in rules.Consistency.Where(x => x.Rule.Scope == RuleScope.Indicator && Applies(x.Rule.Indicators, r.Id)))
        {
            if (Holds(rule.Id, expression, scope, explicitTarget: !rule.Indicators.IsDefaultOrEmpty) == false)
            {
                Inconsistent(rule, values, path);
            }
        }

        return reasons.ToImmutable();
    }

    private void MissingExplanation((int Position, bool InActuals) where, IndicatorResult r, Deviation deviation)
    {
        if (deviation.ExplanationRequired && !deviation.Reasons.Any(x => x.Text.Length > 0))
        {
            var place = context.IndicatorPlace(where.Position, r.Id, where.InActuals);
            findings.Add(DiagnosticCodes.ExplanationMissing, DiagnosticSeverity.Warning, place.Path, place.Location,
                ("name", r.Name), ("id", r.Id), ("triggers", Triggers(deviation)));
        }
    }

    /// <summary>The direction and size of an indicator's deviation, the triggers that require an explanation, and the <paramref name="reasons"/> already known.</summary>
    private Deviation Measure(IndicatorResult r, ImmutableArray<DeviationReason> reasons)
    {
        if (r.Status == IndicatorStatus.NotApplicable)
        {
            return reasons.IsEmpty ? Deviation.None : Deviation.None with { Reasons = reasons };
        }

        var t = r.Target;
        DeviationDirection direction;
        decimal? absolute = null;
        decimal? relative = null;
        if (t.IsNumeric && r.ActualNumber is { } x)
        {
            var reference = t.Value ?? 0m;
            if (t.Comparison == Comparison.Range)
            {
                reference = x < (t.Value ?? 0m) ? t.Value ?? 0m : x > (t.UpperValue ?? 0m) ? t.UpperValue ?? 0m : x;
            }

            absolute = x - reference;

            // Rounded once from the exact value: the completion rate less 100 would round twice (84.375 → 84.38 → −15.62, not −15.63).
            relative = reference == 0 ? null : Figures.Percent((x - reference) / reference);
            direction = Direction(x - reference);
        }
        else
        {
            direction = r.Status is IndicatorStatus.Met or IndicatorStatus.Missing ? DeviationDirection.None : DeviationDirection.Below;
        }

        // Points lost are a deviation to explain, except where the policy's own rule scores a met satisfaction rate
        // below the weight (W × rate, or steps below the full-points rate): nothing deviated from the target there.
        var pointsLost = r.Score < r.Weight && !MetUnderSatisfactionRule(r);

        // Over-achievement means more than planned of a more-is-better indicator; below a ≤ ceiling is simply met.
        var moreIsBetter = t.Comparison is Comparison.AtLeast or Comparison.GreaterThan || (t.Comparison == Comparison.Equal && t.Value > 0);
        var overAchieved = r.CompletionRate >= policy.OverAchievementReviewAt && moreIsBetter;
        var triggers = (pointsLost, overAchieved) switch
        {
            (true, true) => Both,
            (true, false) => PointsLost,
            (false, true) => OverAchievement,
            _ => ImmutableArray<ExplanationTrigger>.Empty,
        };

        // Nothing to say (a met qualitative indicator without a reason): the shared instance, equal to a new one.
        return absolute is null && relative is null && direction == DeviationDirection.None && triggers.IsEmpty && reasons.IsEmpty
            ? Deviation.None
            : new Deviation { Direction = direction, Absolute = absolute, Relative = relative, Triggers = triggers, Reasons = reasons };
    }

    /// <summary>
    /// A met satisfaction rate scored by the policy's satisfaction rule (W × rate, or in steps) and not reduced otherwise:
    /// the points below the weight come from the rule, not from a deviation.
    /// </summary>
    private bool MetUnderSatisfactionRule(IndicatorResult r) =>
        r.Status == IndicatorStatus.Met && r.Level2 == Level2.Satisfaction && policy.Satisfaction != SatisfactionScoring.Standard
        && r.Grade is null && r.ActualNumber is not null && r.Deduction is not > 0;

    private static DeviationDirection Direction(decimal difference) =>
        difference > 0 ? DeviationDirection.Above : difference < 0 ? DeviationDirection.Below : DeviationDirection.None;

    private static bool Applies(ImmutableArray<string> ids, string id) => ids.IsDefaultOrEmpty || ids.Contains(id);

    /// <summary>The preparer's reason; <paramref name="where"/> is "$.budget" or an indicator id (its path is made only for a finding).</summary>
    private DeviationReason? Preparer(string? reason, string? measures, string? category, string where)
    {
        if (string.IsNullOrWhiteSpace(reason) && string.IsNullOrWhiteSpace(measures))
        {
            return null;
        }

        var id = category ?? "other";
        if (!rules.Categories.TryGetValue(id, out var known))
        {
            var path = where.StartsWith('$') ? where : Loading.JsonTree.IndicatorPath(where);
            findings.Add(DiagnosticCodes.UnknownReasonCategory, DiagnosticSeverity.Error, path + ".reasonCategory", actuals.Locations[path + ".reasonCategory"] ?? actuals.Locations[path],
                ("category", id), ("known", string.Join(", ", rules.Categories.Keys.Order(StringComparer.Ordinal))));
            known = rules.Categories["other"];
        }

        return new DeviationReason
        {
            Category = known.Id,
            CategoryLabel = known.Label(_chinese),
            Text = reason?.Trim() ?? string.Empty,
            Measures = string.IsNullOrWhiteSpace(measures) ? null : measures.Trim(),
            Source = ReasonSource.Preparer,
        };
    }

    private DeviationReason RuleReason(ReasonRule rule, Dictionary<string, object?> values)
    {
        var category = rules.Categories[rule.Category];
        return new DeviationReason
        {
            Category = category.Id,
            CategoryLabel = category.Label(_chinese),
            Text = Render(rule.Text, values),
            Measures = rule.Measures is null ? null : Render(rule.Measures, values),
            Source = ReasonSource.Rule,
            RuleId = rule.Id,
        };
    }

    /// <summary>
    /// Evaluates a rule's expression; null when a value it reads is missing (the rule does not apply) or it fails.
    /// A rule aimed at an indicator by id reports a missing value; a rule for every indicator quietly skips those without it.
    /// </summary>
    private bool? Holds(string ruleId, Expressions.CompiledExpression<bool> expression, RuleScopeValues scope, bool explicitTarget)
    {
        var (values, path) = scope;
        if (expression.TryEvaluate(name => values.GetValueOrDefault(name), out var holds, out var error, out var missing))
        {
            return holds;
        }

        if (missing is null || explicitTarget)
        {
            findings.Add(DiagnosticCodes.RuleFailed, DiagnosticSeverity.Warning, path, Locate(path), ("rule", ruleId), ("reason", error));
        }

        return null;
    }

    private void Inconsistent(ConsistencyRule rule, Dictionary<string, object?> values, string path)
    {
        var args = ImmutableDictionary.CreateBuilder<string, string>();
        args["rule"] = rule.Id;
        args["expression"] = rule.Expression;
        foreach (var (name, value) in values)
        {
            if (value is not null && !args.ContainsKey(name))
            {
                args[name] = Format(value);
            }
        }

        if (rule.Message is not null)
        {
            findings.AddAuthored(rule.Code, rule.Severity, path, Locate(path), Render(rule.Message, values), args.ToImmutable());
            return;
        }

        // A rule's own code is written with its own template when the catalogue has one, else with PE3002's.
        var template = findings.Catalog.Contains(rule.Code) ? rule.Code : DiagnosticCodes.ConsistencyRuleFailed;
        findings.Add(rule.Code, template, rule.Severity, path, Locate(path), [.. args.Select(a => (a.Key, (object?)a.Value))]);
    }

    /// <summary>Where a path stands: in the actuals (<c>$.budget</c>, <c>$.indicators.&lt;id&gt;</c>), else in the set (<c>$.indicators[i]</c>).</summary>
    private SourceLocation? Locate(string path) => actuals.Locations[path] ?? set.Locations[path];

    private static MessageText Triggers(Deviation d) =>
        MessageText.List(d.Triggers.Select(t => (object)MessageText.Of(t switch
        {
            ExplanationTrigger.PointsLost => "trigger.pointsLost",
            ExplanationTrigger.OverAchievement => "trigger.overAchievement",
            _ => "trigger.budgetUnderExecution",
        })));

    /// <summary>The values a rule reads and the path its findings point at.</summary>
    private readonly record struct RuleScopeValues(Dictionary<string, object?> Values, string Path);
}
