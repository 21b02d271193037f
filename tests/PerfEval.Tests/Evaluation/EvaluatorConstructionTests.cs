using System.Globalization;
using FluentAssertions;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Loading;
using PerfEval.Rules;
using PerfEval.Scoring;

namespace PerfEval.Tests.Evaluation;

/// <summary>
/// What an evaluator refuses when it is made, what it keeps from its options, and the weights it fills in: a level
/// without points, explicit weights above a level's points, and the points of indicators that do not apply.
/// </summary>
public sealed class EvaluatorConstructionTests
{
    private const string Set = """
        { "id": "s", "name": "测试项目", "year": 2025,
          "indicators": [ { "id": "n", "name": "培训人数", "level2": "quantity", "target": "≥100", "unit": "人", "weight": 90 } ] }
        """;

    private static readonly IndicatorSet OneIndicator = PerfEvalJson.ReadIndicatorSet(Set, "indicators.json").GetValueOrThrow();

    private static readonly Actuals.ProgrammeActuals Met =
        PerfEvalJson.ReadActuals("""{ "indicatorSet": "s", "budget": { "available": 100, "spent": 100 }, "indicators": { "n": 100 } }""", "actuals.json").GetValueOrThrow();

    [Fact]
    public void An_evaluator_refuses_missing_arguments_by_name()
    {
        FluentActions.Invoking(() => new Evaluator((ScoringPolicy)null!)).Should().Throw<ArgumentNullException>().WithParameterName("policy");
        FluentActions.Invoking(() => new Evaluator((PerfEvalOptions)null!)).Should().Throw<ArgumentNullException>().WithParameterName("options");
        FluentActions.Invoking(() => new Evaluator(new PerfEvalOptions { Policy = null! })).Should().Throw<ArgumentNullException>()
            .WithParameterName("options").WithMessage("PerfEvalOptions.Policy is null.*");

        var evaluator = new Evaluator();
        FluentActions.Invoking(() => evaluator.Evaluate(null!)).Should().Throw<ArgumentNullException>().WithParameterName("programme");
        FluentActions.Invoking(() => evaluator.Evaluate(null!, Met)).Should().Throw<ArgumentNullException>().WithParameterName("indicatorSet");
        FluentActions.Invoking(() => evaluator.Evaluate(OneIndicator, null!)).Should().Throw<ArgumentNullException>().WithParameterName("actuals");
        FluentActions.Invoking(() => evaluator.EvaluateIn(null!, CultureInfo.InvariantCulture)).Should().Throw<ArgumentNullException>().WithParameterName("programme");
        FluentActions.Invoking(() => evaluator.EvaluateIn(OneIndicator, Met, null!)).Should().Throw<ArgumentNullException>().WithParameterName("culture");
    }

    [Fact]
    public void A_policy_name_the_catalogue_does_not_know_is_refused_with_the_names_it_knows()
    {
        var create = () => new Evaluator(new PerfEvalOptions { PolicyName = "nowhere" });

        create.Should().Throw<ArgumentException>().WithParameterName("options")
            .WithMessage($"PerfEvalOptions.PolicyName 'nowhere' names no policy; known: {string.Join(", ", PolicyCatalog.BuiltIn.Names)}.*");
    }

    [Fact]
    public void A_policy_named_in_the_options_is_the_evaluators_policy()
    {
        var evaluator = new Evaluator(new PerfEvalOptions { PolicyName = "regional-budget20" });

        evaluator.Policy.Name.Should().Be("regional-budget20");
        evaluator.Evaluate(OneIndicator, Met).Budget.Weight.Should().Be(20m);
    }

    [Fact]
    public void A_rule_template_with_errors_is_refused_with_its_id()
    {
        var options = new PerfEvalOptions();
        options.RuleTemplates.Add(new RuleTemplate { Id = "broken", ConsistencyRules = [new ConsistencyRule { Id = "r", Expression = "actual +" }] });

        var create = () => new Evaluator(options);

        create.Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("The rule template 'broken' has errors: *");
    }

    [Fact]
    public void A_rule_template_with_several_errors_is_refused_with_each_of_them()
    {
        var options = new PerfEvalOptions();
        options.RuleTemplates.Add(new RuleTemplate
        {
            Id = "broken",
            ConsistencyRules = [new ConsistencyRule { Id = "r1", Expression = "actual +" }, new ConsistencyRule { Id = "r2", Expression = "actual *" }],
        });

        var create = () => new Evaluator(options);

        create.Should().Throw<ArgumentException>().Which.Message.Should()
            .StartWith("The rule template 'broken' has errors: $.consistencyRules[0].expression: ")
            .And.Contain("it ends before it is complete; $.consistencyRules[1].expression: ");
    }

    [Fact]
    public void An_evaluator_keeps_a_copy_of_its_options()
    {
        var options = new PerfEvalOptions { Culture = CultureInfo.GetCultureInfo("en") };
        options.RuleTemplates.Add(new RuleTemplate { Id = "t" });
        var evaluator = new Evaluator(options);

        options.RuleTemplates.Add(new RuleTemplate { Id = "later" });
        options.Culture = CultureInfo.GetCultureInfo("zh-CN");

        evaluator.Templates.Select(t => t.Id).Should().Equal("t");
        evaluator.Culture!.Name.Should().Be("en");
        evaluator.MessageCatalog.Should().BeSameAs(MessageCatalog.Default);
        evaluator.Policies.Names.Should().Contain("mof-2020");
    }

    [Fact]
    public void Findings_are_written_in_the_evaluators_language_unless_a_call_names_another()
    {
        var actuals = PerfEvalJson.ReadActuals("""{ "indicatorSet": "s", "budget": { "available": 100, "spent": 100 }, "indicators": {} }""", "actuals.json").GetValueOrThrow();
        var english = new Evaluator(new PerfEvalOptions { Culture = CultureInfo.GetCultureInfo("en") });

        english.Evaluate(OneIndicator, actuals).Findings.Single(f => f.Code == DiagnosticCodes.MissingActual).Message.Should().Be("The indicator 'n' (培训人数) has no actual; it scores 0.");
        english.EvaluateIn(OneIndicator, actuals, CultureInfo.GetCultureInfo("zh-CN")).Findings.Single(f => f.Code == DiagnosticCodes.MissingActual).Message
            .Should().NotContain("has no actual");
    }

    [Fact]
    public void A_level_without_points_in_the_policy_asks_for_explicit_weights_at_its_first_unweighted_indicator()
    {
        // mof-2020 gives the cost group no points.
        var set = PerfEvalJson.ReadIndicatorSet(
            """
            { "id": "s", "name": "测试项目", "year": 2025,
              "indicators": [ { "id": "n", "name": "培训人数", "level2": "quantity", "target": "≥100", "weight": 90 },
                              { "id": "c1", "name": "成本一", "level2": "economicCost", "target": "≤10" },
                              { "id": "c2", "name": "成本二", "level2": "economicCost", "target": "≤10" } ] }
            """, "indicators.json").GetValueOrThrow();
        var actuals = PerfEvalJson.ReadActuals("""{ "indicatorSet": "s", "budget": { "available": 100, "spent": 100 }, "indicators": { "n": 100, "c1": 5, "c2": 5 } }""", "actuals.json")
            .GetValueOrThrow();

        var r = new Evaluator(new PerfEvalOptions { Culture = CultureInfo.GetCultureInfo("en") }).Evaluate(set, actuals);

        var finding = r.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.NoLevelPoints).Subject;
        (finding.Path, finding.Severity).Should().Be(("$.indicators[1].weight", DiagnosticSeverity.Error));
        finding.Arguments.Should().Contain(new Dictionary<string, string> { ["policy"] = "mof-2020", ["level1"] = "Cost" });
        r.Indicators.Where(i => i.Level1 == Level1.Cost).Should().OnlyContain(i => i.Weight == 0m);
    }

    [Fact]
    public void Explicit_weights_above_their_levels_points_name_the_level_the_sum_and_the_points()
    {
        var set = PerfEvalJson.ReadIndicatorSet(
            """
            { "id": "s", "name": "测试项目", "year": 2025,
              "indicators": [ { "id": "a", "name": "甲", "level2": "quantity", "target": "≥1" },
                              { "id": "b", "name": "乙", "level2": "quantity", "target": "≥1", "weight": 45 },
                              { "id": "c", "name": "丙", "level2": "quality", "target": "≥1", "weight": 10 } ] }
            """, "indicators.json").GetValueOrThrow();
        var actuals = PerfEvalJson.ReadActuals("""{ "indicatorSet": "s", "budget": { "available": 1, "spent": 1 }, "indicators": { "a": 1, "b": 1, "c": 1 } }""", "actuals.json")
            .GetValueOrThrow();

        var r = new Evaluator(new PerfEvalOptions { Culture = CultureInfo.GetCultureInfo("en") }).Evaluate(set, actuals);

        var finding = r.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.LevelPointsExceeded).Subject;
        finding.Path.Should().Be("$.indicators[0].weight");
        finding.Arguments.Should().Contain(new Dictionary<string, string> { ["level1"] = "Output", ["sum"] = "55", ["points"] = "50" });
    }

    [Fact]
    public void The_points_of_an_indicator_that_does_not_apply_are_shared_to_the_cent_by_largest_remainder()
    {
        // Weights 30, 30, 30 (output 90 of the policy's 90) and d (10) does not apply: 10 points shared in proportion,
        // 33.333… each, 3333 cents each and one left for the first.
        var set = PerfEvalJson.ReadIndicatorSet(
            """
            { "id": "s", "name": "测试项目", "year": 2025,
              "indicators": [ { "id": "a", "name": "甲", "level2": "quantity", "target": "≥1", "weight": 30 },
                              { "id": "b", "name": "乙", "level2": "quantity", "target": "≥1", "weight": 30 },
                              { "id": "c", "name": "丙", "level2": "quality", "target": "≥1", "weight": 30 },
                              { "id": "d", "name": "丁", "level2": "quality", "target": "≥1", "weight": 10 } ] }
            """, "indicators.json").GetValueOrThrow();
        var actuals = PerfEvalJson.ReadActuals(
            """{ "indicatorSet": "s", "budget": { "available": 1, "spent": 1 }, "indicators": { "a": 1, "b": 1, "c": 1, "d": { "notApplicable": true } } }""", "actuals.json")
            .GetValueOrThrow();
        var policy = ScoringPolicy.Mof2020 with { Name = "output-only", BudgetWeight = 0m, LevelPoints = ScoringPolicy.Mof2020.LevelPoints.SetItem(Level1.Output, 100m).Remove(Level1.Benefit).Remove(Level1.Satisfaction) };

        var r = new Evaluator(new PerfEvalOptions { Policy = policy, Culture = CultureInfo.GetCultureInfo("en") }).Evaluate(set, actuals);
        var kept = new Evaluator(new PerfEvalOptions { Policy = policy with { RescaleNotApplicable = false } }).Evaluate(set, actuals);

        r.Indicators.Select(i => i.Weight).Should().Equal(33.34m, 33.33m, 33.33m, 0m);
        r.TotalWeight.Should().Be(100m);
        var finding = r.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.WeightsRescaled).Subject;
        (finding.Path, finding.Severity, finding.Arguments["dropped"]).Should().Be(("$.indicators", DiagnosticSeverity.Info, "10"));
        kept.Indicators.Select(i => i.Weight).Should().Equal(30m, 30m, 30m, 0m);
        kept.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.WeightsRescaled);
    }
}
