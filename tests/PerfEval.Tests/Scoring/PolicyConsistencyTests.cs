using System.Collections.Immutable;
using FluentAssertions;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Loading;
using PerfEval.Scoring;

namespace PerfEval.Tests.Scoring;

/// <summary>
/// Which policies fit together, at the edges of each rule, and how a policy picks the grade of a total and takes the
/// values of the policy it extends.
/// </summary>
public sealed class PolicyConsistencyTests
{
    public static TheoryData<string, Func<ScoringPolicy, ScoringPolicy>, string?> Edges => new()
    {
        { "partial floor 0", p => p with { PartialFloor = 0m, PartialDefaultShare = 0.6m }, "qualitative bands need 0 < partial (0)" },
        { "partial floor above 0", p => p with { PartialFloor = 0.01m, NotAchievedDefaultShare = 0m }, null },
        { "achieved floor 1", p => p with { AchievedFloor = 1m }, null },
        { "achieved floor above 1", p => p with { AchievedFloor = 1.01m, AchievedDefaultShare = 1.01m }, "achieved (1.01) ≤ 1" },
        { "achieved default 1", p => p with { AchievedDefaultShare = 1m }, null },
        { "achieved default above 1", p => p with { AchievedDefaultShare = 1.01m }, "the default share for achieved (1.01) lies outside its band [0.8, 1]" },
        { "achieved default at its floor", p => p with { AchievedDefaultShare = 0.8m }, null },
        { "achieved default below its floor", p => p with { AchievedDefaultShare = 0.79m }, "the default share for achieved (0.79)" },
        { "partial default at its floor", p => p with { PartialDefaultShare = 0.6m }, null },
        { "partial default below its floor", p => p with { PartialDefaultShare = 0.59m }, "the default share for partial (0.59) lies outside its band [0.6, 0.8)" },
        { "partial default at the achieved floor", p => p with { PartialDefaultShare = 0.8m }, "the default share for partial (0.8)" },
        { "not achieved default 0", p => p with { NotAchievedDefaultShare = 0m }, null },
        { "not achieved default below 0", p => p with { NotAchievedDefaultShare = -0.01m }, "the default share for not achieved (-0.01) lies outside its band [0, 0.6)" },
        { "not achieved default at the partial floor", p => p with { NotAchievedDefaultShare = 0.6m }, "the default share for not achieved (0.6)" },
        { "no grades", p => p with { Grades = [] }, "a policy needs at least one grade band" },
        { "two grades starting at one score", p => p with { Grades = [new GradeBand(60m, "pass", "合格", "Pass"), new GradeBand(60m, "ok", "可", "OK")] }, "two grade bands start at the same score" },
        { "reduction at the review threshold", p => p with { OverAchievementReduceAt = 120m }, null },
        { "reduction before the review threshold", p => p with { OverAchievementReduceAt = 119m }, "points are reduced from 119 %, before the review threshold 120 %" },
        { "satisfaction step 0", p => p with { SatisfactionStep = 0m }, "the satisfaction step must be above 0" },
        { "satisfaction step above 0", p => p with { SatisfactionStep = 0.01m }, null },
        { "points that do not add up", p => p with { TotalPoints = 99m }, "the budget weight and the level points add up to 100, not 99" },
    };

    [Theory]
    [MemberData(nameof(Edges))]
    public void A_policy_is_accepted_up_to_the_edge_of_each_rule_and_refused_past_it(string edge, Func<ScoringPolicy, ScoringPolicy> change, string? problem)
    {
        var policy = change(ScoringPolicy.Mof2020 with { Name = "edge" });

        var create = () => new Evaluator(policy);

        if (problem is null)
        {
            create.Should().NotThrow(edge);
        }
        else
        {
            create.Should().Throw<ArgumentException>(edge).Which.Message.Should().Contain("The scoring policy 'edge' is inconsistent: ").And.Contain(problem);
        }
    }

    [Fact]
    public void Every_problem_of_a_policy_is_named()
    {
        var policy = ScoringPolicy.Mof2020 with { Name = "bad", Grades = [], SatisfactionStep = 0m, TotalPoints = 99m };

        var create = () => new Evaluator(policy);

        create.Should().Throw<ArgumentException>().Which.Message.Should()
            .Contain("a policy needs at least one grade band; the budget weight and the level points add up to 100, not 99; the satisfaction step must be above 0");
    }

    [Theory]
    [InlineData(95, "top")]
    [InlineData(80, "top")]
    [InlineData(79.99, "middle")]
    [InlineData(50, "middle")]
    [InlineData(49.99, "none")]
    public void The_grade_of_a_total_is_the_highest_band_it_reaches_whatever_the_order_of_the_bands(double total, string code)
    {
        var policy = ScoringPolicy.Mof2020 with { Grades = [new GradeBand(50m, "middle", "中", "Middle"), new GradeBand(80m, "top", "优", "Top")] };

        var band = policy.GradeFor((decimal)total);

        band.Code.Should().Be(code);
        if (code == "none")
        {
            band.Should().Be(new GradeBand(decimal.MinValue, "none", "—", "—"));
        }
    }

    [Fact]
    public void A_policy_without_its_own_total_or_partial_default_follows_its_points_and_partial_floor()
    {
        var policy = ScoringPolicy.Mof2020 with { BudgetWeight = 20m, PartialFloor = 0.5m };

        (policy.TotalPoints, policy.PartialDefaultShare).Should().Be((110m, 0.5m));
        (policy with { TotalPoints = 100m, PartialDefaultShare = 0.7m }).Should().Match<ScoringPolicy>(p => p.TotalPoints == 100m && p.PartialDefaultShare == 0.7m);
    }

    [Fact]
    public void A_policy_file_takes_every_value_it_leaves_out_from_the_policy_it_extends()
    {
        var basis = ScoringPolicy.Mof2020 with
        {
            Name = "basis",
            Description = "the basis",
            BudgetExplanationBelow = 85m,
            AllowDeductions = false,
            RescaleNotApplicable = false,
            LessIsBetter = LessIsBetterConvention.InverseRatio,
            AchievedFloor = 0.85m,
            PartialFloor = 0.65m,
            AchievedDefaultShare = 0.95m,
            PartialDefaultShare = 0.7m,
            NotAchievedDefaultShare = 0.1m,
            Satisfaction = SatisfactionScoring.Stepped,
            SatisfactionFullAt = 85m,
            SatisfactionStep = 10m,
            SatisfactionStepShare = 0.2m,
            OverAchievementReviewAt = 130m,
            OverAchievementReduceAt = 150m,
            OverAchievementReduceShare = 0.1m,
        };
        var catalog = PolicyCatalog.BuiltIn.With(basis);

        var read = PerfEvalJson.ReadScoringPolicy("""{ "name": "child", "extends": "basis" }""", "child.json", catalog);

        read.Value.Should().BeEquivalentTo(basis with { Name = "child" }, options => options.ComparingByMembers<ScoringPolicy>().ComparingByMembers<GradeBand>().WithStrictOrdering());
    }

    [Fact]
    public void A_policy_file_changes_exactly_the_values_it_gives()
    {
        var read = PerfEvalJson.ReadScoringPolicy(
            """
            { "name": "child", "description": "changed", "budgetWeight": 20, "totalPoints": 100, "budgetExplanationBelow": 80,
              "deductions": false, "rescaleNotApplicable": false, "levelPoints": { "output": 40 }, "lessIsBetter": "inverseRatio",
              "qualitativeBands": { "achieved": 0.9, "partial": 0.5 }, "qualitativeDefaults": { "achieved": 0.95, "partial": 0.55, "notAchieved": 0.1 },
              "satisfaction": { "scoring": "stepped", "fullAt": 95, "step": 2, "stepShare": 0.05 },
              "grades": [ { "min": 85, "code": "pass", "label": "合格", "labelEn": "Pass" }, { "code": "fail", "label": "不合格" } ],
              "overAchievement": { "reviewAt": 125, "reduceAt": 140, "reduceShare": 0.2 } }
            """, "child.json", null);

        read.Diagnostics.Should().BeEmpty();
        read.Value.Should().BeEquivalentTo(ScoringPolicy.Mof2020 with
        {
            Name = "child",
            Description = "changed",
            BudgetWeight = 20m,
            TotalPoints = 100m,
            BudgetExplanationBelow = 80m,
            AllowDeductions = false,
            RescaleNotApplicable = false,
            LevelPoints = ScoringPolicy.Mof2020.LevelPoints.SetItem(Level1.Output, 40m),
            LessIsBetter = LessIsBetterConvention.InverseRatio,
            AchievedFloor = 0.9m,
            PartialFloor = 0.5m,
            AchievedDefaultShare = 0.95m,
            PartialDefaultShare = 0.55m,
            NotAchievedDefaultShare = 0.1m,
            Satisfaction = SatisfactionScoring.Stepped,
            SatisfactionFullAt = 95m,
            SatisfactionStep = 2m,
            SatisfactionStepShare = 0.05m,
            Grades = ImmutableArray.Create(new GradeBand(85m, "pass", "合格", "Pass"), new GradeBand(decimal.MinValue, "fail", "不合格", "fail")),
            OverAchievementReviewAt = 125m,
            OverAchievementReduceAt = 140m,
            OverAchievementReduceShare = 0.2m,
        }, options => options.ComparingByMembers<ScoringPolicy>().ComparingByMembers<GradeBand>().WithStrictOrdering());
    }

    [Fact]
    public void An_unknown_base_is_reported_at_extends()
    {
        var unknown = PerfEvalJson.ReadScoringPolicy("""{ "name": "x", "extends": "nowhere" }""", "x.json", null);

        unknown.Value.Should().BeNull();
        unknown.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Code == DiagnosticCodes.UnknownPolicy && d.Path == "$.extends" && d.Arguments["policy"] == "nowhere");
    }

    [Fact]
    public void An_inline_policy_without_a_name_or_a_base_extends_mof_2020_and_is_named_after_it_with_a_star()
    {
        var set = PerfEvalJson.ReadIndicatorSet(
            """
            { "id": "s", "name": "测试项目", "year": 2025, "policy": { "budgetExplanationBelow": 80 },
              "indicators": [ { "id": "n", "name": "培训人数", "level2": "quantity", "target": "≥100", "weight": 90 } ] }
            """, "indicators.json").GetValueOrThrow();
        var actuals = PerfEvalJson.ReadActuals("""{ "indicatorSet": "s", "budget": { "available": 100, "spent": 85 }, "indicators": { "n": 100 } }""", "actuals.json").GetValueOrThrow();

        var r = new Evaluator().Evaluate(set, actuals);

        r.Policy.Should().Be("mof-2020*");
        r.Budget.Deviation.ExplanationRequired.Should().BeFalse("85 % is above the 80 % of this policy");
        r.Budget.Weight.Should().Be(10m);
    }

    [Fact]
    public void An_unknown_base_is_reported_with_the_known_policies_in_order()
    {
        var unknown = PerfEvalJson.ReadScoringPolicy("""{ "name": "x", "extends": "nowhere" }""", "x.json", null);

        unknown.Diagnostics.Should().ContainSingle().Which.Arguments["known"].Should().Be(string.Join(", ", PolicyCatalog.BuiltIn.Names.Order(StringComparer.Ordinal)))
            .And.StartWith("mof-2020, ");
    }

    [Fact]
    public void An_extending_policys_own_reduction_threshold_wins_over_its_bases()
    {
        var basis = ScoringPolicy.Mof2020 with { Name = "basis", OverAchievementReduceAt = 150m, OverAchievementReduceShare = 0.1m };

        var read = PerfEvalJson.ReadScoringPolicy("""{ "name": "child", "extends": "basis", "overAchievement": { "reduceAt": 160 } }""", "child.json", PolicyCatalog.BuiltIn.With(basis));

        read.Value!.OverAchievementReduceAt.Should().Be(160m);
    }

    [Fact]
    public void An_inconsistent_inline_policy_on_a_base_only_the_evaluators_catalogue_knows_gives_way_to_the_evaluators_policy()
    {
        // province-x gives 10 + 90 = 100; the inline policy raises the budget to 20 and keeps the total of 100.
        var province = ScoringPolicy.Mof2020 with { Name = "province-x" };
        var set = PerfEvalJson.ReadIndicatorSet(
            """
            { "id": "s", "name": "测试项目", "year": 2025, "policy": { "extends": "province-x", "budgetWeight": 20 },
              "indicators": [ { "id": "n", "name": "培训人数", "level2": "quantity", "target": "≥100", "weight": 90 } ] }
            """, "indicators.json").GetValueOrThrow();
        var actuals = PerfEvalJson.ReadActuals("""{ "indicatorSet": "s", "budget": { "available": 100, "spent": 100 }, "indicators": { "n": 100 } }""", "actuals.json").GetValueOrThrow();

        var r = new Evaluator(new PerfEvalOptions { Policies = PolicyCatalog.BuiltIn.With(province) }).Evaluate(set, actuals);

        r.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.InvalidPolicy).Which.Path.Should().Be("$.policy");
        r.Policy.Should().Be("mof-2020");
        r.Budget.Weight.Should().Be(10m);
    }
}
