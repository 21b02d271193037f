using System.Collections.Immutable;
using FluentAssertions;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Scoring;
using PerfEval.Tests.Golden;

namespace PerfEval.Tests.Embedding;

/// <summary><c>ScoringPolicy with { … }</c> changes one member alone and still gives a policy an evaluator accepts.</summary>
public sealed class PolicyWithTests(SeedExample seed) : IClassFixture<SeedExample>
{
    public static TheoryData<string> Members => [.. Changes.Keys];

    private static readonly Dictionary<string, Func<ScoringPolicy, ScoringPolicy>> Changes = new()
    {
        ["Name"] = p => p with { Name = "changed" },
        ["BudgetWeight"] = p => p with { BudgetWeight = 20m },
        ["LevelPoints"] = p => p with { LevelPoints = p.LevelPoints.SetItem(Level1.Output, 60m) },
        ["TotalPoints"] = p => p with { TotalPoints = 100m },
        ["LessIsBetter"] = p => p with { LessIsBetter = LessIsBetterConvention.InverseRatio },
        ["AchievedFloor"] = p => p with { AchievedFloor = 0.85m },
        ["PartialFloor"] = p => p with { PartialFloor = 0.7m },
        ["Description"] = p => p with { Description = "another" },
        ["AchievedDefaultShare"] = p => p with { AchievedDefaultShare = 0.9m },
        ["PartialDefaultShare"] = p => p with { PartialDefaultShare = 0.7m },
        ["NotAchievedDefaultShare"] = p => p with { NotAchievedDefaultShare = 0.1m },
        ["Satisfaction"] = p => p with { Satisfaction = SatisfactionScoring.Stepped },
        ["SatisfactionFullAt"] = p => p with { SatisfactionFullAt = 85m },
        ["SatisfactionStep"] = p => p with { SatisfactionStep = 10m },
        ["SatisfactionStepShare"] = p => p with { SatisfactionStepShare = 0.2m },
        ["OverAchievementReviewAt"] = p => p with { OverAchievementReviewAt = 130m },
        ["OverAchievementReduceAt"] = p => p with { OverAchievementReduceAt = 150m },
        ["OverAchievementReduceShare"] = p => p with { OverAchievementReduceShare = 0.1m },
        ["BudgetExplanationBelow"] = p => p with { BudgetExplanationBelow = 85m },
        ["AllowDeductions"] = p => p with { AllowDeductions = false },
        ["RescaleNotApplicable"] = p => p with { RescaleNotApplicable = false },
        ["Grades"] = p => p with { Grades = [new GradeBand(85m, "pass", "合格", "Pass"), new GradeBand(decimal.MinValue, "fail", "不合格", "Fail")] },
    };

    [Fact]
    public void Every_settable_member_of_the_policy_is_covered()
    {
        var settable = typeof(ScoringPolicy).GetProperties().Where(p => p.SetMethod is { IsPublic: true }).Select(p => p.Name);

        Changes.Keys.Should().BeEquivalentTo(settable);
    }

    [Theory]
    [MemberData(nameof(Members))]
    public void A_policy_changed_in_one_member_alone_is_accepted_by_the_evaluator(string member)
    {
        var policy = Changes[member](ScoringPolicy.Mof2020);

        var evaluator = new Evaluator(policy);

        evaluator.Policy.Should().Be(policy);
        evaluator.Evaluate(seed.Load.Value!).Indicators.Should().NotBeEmpty();
    }

    [Fact]
    public void The_total_follows_the_budget_weight_and_level_points_unless_it_is_set()
    {
        (ScoringPolicy.Mof2020 with { BudgetWeight = 20m }).TotalPoints.Should().Be(110m);
        (ScoringPolicy.Mof2020 with { TotalPoints = 100m, BudgetWeight = 20m }).TotalPoints.Should().Be(100m);
        (ScoringPolicy.Mof2020 with { PartialFloor = 0.7m }).PartialDefaultShare.Should().Be(0.7m);
    }

    [Fact]
    public void An_inconsistent_policy_is_refused_naming_the_parameter_it_came_in()
    {
        var policy = ScoringPolicy.Mof2020 with { TotalPoints = 120m };

        var make = () => _ = new Evaluator(policy);

        make.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("policy");
        ((Action)(() => _ = new Evaluator(new PerfEvalOptions { Policy = policy }))).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("options");
    }

    [Fact]
    public void Level_points_alone_can_be_replaced_with_an_immutable_dictionary()
    {
        var policy = ScoringPolicy.Mof2020 with { LevelPoints = ImmutableDictionary<Level1, decimal>.Empty.Add(Level1.Output, 90m) };

        policy.TotalPoints.Should().Be(100m);
        new Evaluator(policy).Policy.LevelPoints.Should().ContainKey(Level1.Output);
    }
}
