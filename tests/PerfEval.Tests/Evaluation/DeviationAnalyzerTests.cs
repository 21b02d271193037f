using System.Collections.Immutable;
using FluentAssertions;
using PerfEval.Actuals;
using PerfEval.Deviations;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Scoring;
using static PerfEval.Tests.Evaluation.IndicatorBuilder;
using static PerfEval.Tests.Evaluation.StepContext;

namespace PerfEval.Tests.Evaluation;

/// <summary>
/// The deviation step called by itself on results built by hand, with the rules of docs/rules.md (Deviations, When an
/// explanation is required): X − T and (X − T) / T, against the nearer bound of a range; points lost, a completion rate
/// from 120 %, or budget execution below 90 % must be explained, and PE3001 says so when no reason is given.
/// </summary>
public sealed class DeviationAnalyzerTests
{
    private static readonly BudgetResult FullyExecuted = Budget(spent: 100m);

    /// <summary>The budget's result for 100 available and <paramref name="spent"/> spent: the rate is the spending.</summary>
    private static BudgetResult Budget(decimal spent) => new()
    {
        Unit = "万元", Available = 100m, Spent = spent, ExecutionRate = spent, Weight = 10m, Score = spent / 10m,
    };

    /// <summary>The indicator <c>n</c> (10 points) as the steps before scored it.</summary>
    private static IndicatorResult Scored(string target, decimal actual, decimal rate, IndicatorStatus status, decimal score, Level2 level2 = Level2.Quantity)
    {
        var d = Indicator("n", target, level2);
        return new IndicatorResult
        {
            Id = d.Id,
            Name = "培训人数",
            Level1 = d.Level1,
            Level2 = d.Level2,
            Target = d.Target,
            Actual = ActualValue.FromNumber(actual),
            ActualNumber = actual,
            CompletionRate = rate,
            Status = status,
            Weight = 10m,
            Score = score,
        };
    }

    /// <summary>Runs the step on one indicator given in the actuals (with <paramref name="reason"/>) and the budget.</summary>
    private static (IndicatorResult Indicator, BudgetResult Budget, ImmutableArray<Diagnostic> Found) Analyze(
        IndicatorResult indicator, BudgetResult? budget = null, ScoringPolicy? policy = null, string? reason = null, string? budgetReason = null)
    {
        var given = new IndicatorActual
        {
            Id = indicator.Id, Actual = indicator.Actual, NotApplicable = indicator.Status == IndicatorStatus.NotApplicable, Reason = reason,
        };
        var actuals = ActualsWith(given) with { Budget = new BudgetActuals { Reason = budgetReason } };
        var context = For(Set(Indicator("n", "≥100")), actuals, policy);

        var analyzed = new DeviationAnalyzer(context).Analyze(budget ?? FullyExecuted, [indicator], [given]);

        return (indicator, analyzed, context.Found());
    }

    [Fact]
    public void Budget_execution_below_90_percent_must_be_explained_and_a_missing_reason_is_a_warning_at_the_budget()
    {
        var (_, budget, found) = Analyze(Scored("≥100", 100m, 100m, IndicatorStatus.Met, 10m), Budget(spent: 85m));

        budget.Deviation.Should().Match<Deviation>(d => d.Direction == DeviationDirection.Below && d.Absolute == -15m && d.Relative == -15m);
        budget.Deviation.Triggers.Should().Equal(ExplanationTrigger.BudgetUnderExecution);
        var finding = found.Should().ContainSingle().Subject;
        (finding.Code, finding.Severity, finding.Path).Should().Be((DiagnosticCodes.ExplanationMissing, DiagnosticSeverity.Warning, "$.budget"));
        finding.Arguments["id"].Should().Be("budget");
    }

    [Fact]
    public void Budget_execution_of_exactly_90_percent_needs_no_explanation()
    {
        var (_, budget, found) = Analyze(Scored("≥100", 100m, 100m, IndicatorStatus.Met, 10m), Budget(spent: 90m));

        budget.Deviation.Triggers.Should().BeEmpty();
        found.Should().BeEmpty();
    }

    [Fact]
    public void The_preparers_reason_for_the_budget_explains_it_under_the_category_other()
    {
        var (_, budget, found) = Analyze(Scored("≥100", 100m, 100m, IndicatorStatus.Met, 10m), Budget(spent: 85m), budgetReason: " 资金下达晚 ");

        budget.Deviation.Reasons.Should().ContainSingle().Which.Should().Match<DeviationReason>(r =>
            r.Category == "other" && r.Text == "资金下达晚" && r.Source == ReasonSource.Preparer && r.RuleId == null);
        found.Should().BeEmpty();
    }

    [Fact]
    public void An_indicator_that_loses_points_must_be_explained_and_a_missing_reason_is_a_warning_at_its_entry()
    {
        var (n, _, found) = Analyze(Scored("≥100", 80m, 80m, IndicatorStatus.PartiallyMet, 8m));

        n.Deviation.Should().Match<Deviation>(d => d.Direction == DeviationDirection.Below && d.Absolute == -20m && d.Relative == -20m);
        n.Deviation.Triggers.Should().Equal(ExplanationTrigger.PointsLost);
        var finding = found.Should().ContainSingle().Subject;
        (finding.Code, finding.Severity, finding.Path).Should().Be((DiagnosticCodes.ExplanationMissing, DiagnosticSeverity.Warning, "$.indicators.n"));
        finding.Arguments.Should().Contain(new Dictionary<string, string> { ["id"] = "n", ["name"] = "培训人数" });
    }

    [Fact]
    public void A_reason_given_for_an_indicator_that_loses_points_is_its_explanation()
    {
        var (n, _, found) = Analyze(Scored("≥100", 80m, 80m, IndicatorStatus.PartiallyMet, 8m), reason: "报名人数减少");

        n.Deviation.Reasons.Select(r => (r.Text, r.Source)).Should().Equal(("报名人数减少", ReasonSource.Preparer));
        found.Should().BeEmpty();
    }

    [Fact]
    public void A_completion_rate_of_120_percent_is_over_achievement_to_explain_and_just_below_it_is_not()
    {
        var (at, _, _) = Analyze(Scored("≥100", 120m, 120m, IndicatorStatus.Met, 10m));
        var (below, _, found) = Analyze(Scored("≥100", 119.99m, 119.99m, IndicatorStatus.Met, 10m));

        at.Deviation.Should().Match<Deviation>(d => d.Direction == DeviationDirection.Above && d.Absolute == 20m && d.Relative == 20m);
        at.Deviation.Triggers.Should().Equal(ExplanationTrigger.OverAchievement);
        below.Deviation.Triggers.Should().BeEmpty();
        found.Should().BeEmpty();
    }

    [Fact]
    public void A_range_is_measured_from_its_nearer_bound()
    {
        // 18—54 with X = 81 (scoring.md, (h)): 81 − 54 = 27 above, 27 / 54 = 50 %; it scored 0.5 W, so points were lost.
        var (n, _, _) = Analyze(Scored("18-54", 81m, 66.67m, IndicatorStatus.PartiallyMet, 5m));

        n.Deviation.Should().Match<Deviation>(d => d.Direction == DeviationDirection.Above && d.Absolute == 27m && d.Relative == 50m);
        n.Deviation.Triggers.Should().Equal(ExplanationTrigger.PointsLost);
    }

    [Fact]
    public void The_relative_deviation_is_rounded_once_from_the_exact_ratio()
    {
        // (67.5 − 80) / 80 = −15.625 % → −15.63 %; the completion rate 84.375 % shown as 84.38 less 100 would give −15.62.
        var (n, _, _) = Analyze(Scored("≥80", 67.5m, 84.38m, IndicatorStatus.PartiallyMet, 8.44m));

        (n.Deviation.Absolute, n.Deviation.Relative).Should().Be((-12.5m, -15.63m));
    }

    [Fact]
    public void A_met_satisfaction_rate_scored_below_its_weight_by_the_policys_rule_needs_no_explanation()
    {
        // 98 % against ≥95 % scores 9.8 of 10 under W × rate: nothing deviated from the target (rules.md).
        var timesRate = ScoringPolicy.Mof2020 with { Name = "times-rate", Satisfaction = SatisfactionScoring.WeightTimesRate };
        var satisfaction = () => Scored("≥95%", 98m, 103.16m, IndicatorStatus.Met, 9.8m, Level2.Satisfaction);

        var (underRule, _, found) = Analyze(satisfaction(), policy: timesRate);
        var (standard, _, _) = Analyze(satisfaction());

        underRule.Deviation.Triggers.Should().BeEmpty();
        found.Should().BeEmpty();
        standard.Deviation.Triggers.Should().Equal([ExplanationTrigger.PointsLost], "under the standard rule a met indicator scores its weight");
    }

    [Fact]
    public void An_indicator_that_does_not_apply_has_no_deviation()
    {
        var d = Indicator("n", "≥100");
        var notApplicable = new IndicatorResult
        {
            Id = "n", Name = "培训人数", Level1 = d.Level1, Level2 = d.Level2, Target = d.Target, Status = IndicatorStatus.NotApplicable, Weight = 0m, Score = 0m,
        };

        var (n, _, found) = Analyze(notApplicable);

        n.Deviation.Should().Be(Deviation.None);
        found.Should().BeEmpty();
    }
}
