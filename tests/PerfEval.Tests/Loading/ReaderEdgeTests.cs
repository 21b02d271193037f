using System.Globalization;
using FluentAssertions;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Loading;

namespace PerfEval.Tests.Loading;

public sealed class ReaderEdgeTests
{
    private const string MinimalSet = """
        {
          "id": "s", "name": "n", "year": 2025,
          "indicators": [ { "id": "jobs", "name": "新增就业人数", "level2": "quantity", "target": "≥100", "weight": 90 } ]
        }
        """;

    [Theory]
    [InlineData("greaterThan, atMost")]
    [InlineData("atLeast,range")]
    [InlineData("7")]
    public void A_comparison_is_one_name_not_a_list_or_a_number(string text)
    {
        Target.TryParseComparison(text, out _).Should().BeFalse();
    }

    [Fact]
    public void A_comparison_name_is_read_in_any_case()
    {
        Target.TryParseComparison("ATMOST", out var c).Should().BeTrue();
        c.Should().Be(Comparison.AtMost);
    }

    [Fact]
    public void The_year_of_actuals_is_checked_when_given()
    {
        var load = PerfEvalJson.ReadActuals("""{ "indicatorSet": "s", "year": 1800, "indicators": {} }""", "actuals.json");

        load.Succeeded.Should().BeFalse();
        load.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.InvalidValue && d.Path == "$.year");
    }

    [Fact]
    public void Comment_keys_are_skipped_inside_the_maps_of_actuals_too()
    {
        var load = PerfEvalJson.ReadActuals("""
            {
              "indicatorSet": "s",
              "budget": { "available": 10, "spent": 10, "sources": { "// note": "中央资金含追加" } },
              "indicators": { "// note": "人数为年末数", "jobs": { "actual": 120, "inputs": { "// why": "x" } } }
            }
            """);

        load.Diagnostics.Should().BeEmpty();
        load.Value!.Indicators.Should().ContainSingle(i => i.Id == "jobs");
        load.Value.Budget.Sources.Should().BeEmpty();
    }

    [Fact]
    public void Swapped_letters_in_a_short_property_name_get_a_suggestion()
    {
        var load = PerfEvalJson.ReadIndicatorSet(MinimalSet.Replace("\"name\": \"新增", "\"nmae\": \"新增", StringComparison.Ordinal));

        load.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.UnknownProperty && d.Arguments["suggestion"].Contains("'name'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_target_of_the_wrong_type_names_all_three_accepted_types()
    {
        var load = PerfEvalJson.ReadIndicatorSet(MinimalSet.Replace("\"≥100\"", "true", StringComparison.Ordinal));

        load.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.WrongType).Which.Arguments["expected"].Should().Be("a number, a string or an object");
        load.InCulture(CultureInfo.GetCultureInfo("en")).Diagnostics.Single(d => d.Code == DiagnosticCodes.WrongType).Message.Should().Be(
            "Expected a number, a string or an object but found true or false.");
        load.InCulture(CultureInfo.GetCultureInfo("zh-CN")).Diagnostics.Single(d => d.Code == DiagnosticCodes.WrongType).Message.Should().Be(
            "此处应为数字、字符串或对象，实际为布尔值。");
    }

    [Fact]
    public void An_unreadable_deadline_in_a_target_object_is_reported_once()
    {
        var load = PerfEvalJson.ReadIndicatorSet(MinimalSet.Replace("\"≥100\"", """{ "deadline": "年底" }""", StringComparison.Ordinal));

        load.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.InvalidTarget).Which.Path.Should().Be("$.indicators[0].target.deadline");
    }

    [Fact]
    public void Cost_as_its_own_level1_under_the_national_policy_asks_for_explicit_weights()
    {
        var set = PerfEvalJson.ReadIndicatorSet("""
            {
              "id": "s", "name": "n", "year": 2025,
              "indicators": [ { "id": "c", "name": "单位成本", "level1": "cost", "level2": "economicCost", "target": "≤100" } ]
            }
            """).GetValueOrThrow();
        var actuals = PerfEvalJson.ReadActuals("""{ "indicatorSet": "s", "budget": { "available": 1, "spent": 1 }, "indicators": { "c": 90 } }""").GetValueOrThrow();

        var result = new Evaluator().Evaluate(set, actuals);

        result.Findings.Should().Contain(d => d.Code == DiagnosticCodes.NoLevelPoints && d.Severity == DiagnosticSeverity.Error && d.Message.Contains("mof-2020", StringComparison.Ordinal));
        result.Indicators.Single().Weight.Should().Be(0m);
    }

    [Fact]
    public void Actuals_for_another_year_than_the_sets_are_an_error()
    {
        var set = PerfEvalJson.ReadIndicatorSet(MinimalSet).GetValueOrThrow();
        var actuals = PerfEvalJson.ReadActuals("""{ "indicatorSet": "s", "year": 2024, "budget": { "available": 1, "spent": 1 }, "indicators": { "jobs": 120 } }""", "actuals.json").GetValueOrThrow();

        var result = new Evaluator().Evaluate(set, actuals);

        result.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.YearMismatch && f.Path == "$.year" && f.Location!.Line == 1);
        result.HasErrors.Should().BeTrue();
    }
}
