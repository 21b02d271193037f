using FluentAssertions;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Loading;

namespace PerfEval.Tests.Schema;

/// <summary>Every value the schema's descriptions promise is one a rule can read and a text can cite.</summary>
public sealed class RuleValueTests
{
    [Fact]
    public void Every_value_the_schema_describes_is_read_by_rules_and_printed_by_placeholders()
    {
        var indicatorRules = RuleValues.IndicatorNumbers.Append("hardship").Select(n => Rule("i-" + n, n + " == " + n, "{" + n + "}", "indicator"))
            .Concat(RuleValues.IndicatorBooleans.Select(n => Rule("i-" + n, n + " || !" + n, "{" + n + "}", "indicator")))
            .Append(Rule("i-texts", "met || !met", string.Join("|", RuleValues.IndicatorTexts.Select(n => "{" + n + "}")), "indicator"));
        var budgetRules = RuleValues.BudgetNumbers.Append("central").Append("services").Select(n => Rule("b-" + n, n + " == " + n, "{" + n + "}", "budget"));
        var set = $$"""
            {
              "id": "values", "name": "规则取值", "year": 2025,
              "budget": { "sources": [ { "id": "central", "name": "中央财政资金" } ], "expenditures": [ { "id": "services", "name": "服务补助" } ] },
              "indicators": [
                { "id": "rate", "name": "合格人数", "program": "子项目", "level2": "数量指标", "target": { "value": 90, "upper": 110 }, "unit": "人", "weight": 50 }
              ],
              "reasonRules": [ {{string.Join(", ", indicatorRules.Concat(budgetRules))}} ]
            }
            """;
        const string actuals = """
            {
              "indicatorSet": "values",
              "budget": { "initial": 100, "available": 100, "spent": 90, "sources": { "central": 100 }, "expenditures": { "services": 90 } },
              "indicators": { "rate": { "actual": 100, "inputs": { "hardship": 3 } } }
            }
            """;

        SchemaFiles.Errors(SchemaFiles.IndicatorSet, set).Should().BeEmpty();
        var result = new Evaluator().Evaluate(PerfEvalJson.ReadIndicatorSet(set).GetValueOrThrow(), PerfEvalJson.ReadActuals(actuals).GetValueOrThrow());

        result.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.RuleFailed);
        var indicatorReasons = result.Indicators.Single().Deviation.Reasons.Where(r => r.RuleId is not null).ToDictionary(r => r.RuleId!, r => r.Text);
        var budgetReasons = result.Budget.Deviation.Reasons.Where(r => r.RuleId is not null).ToDictionary(r => r.RuleId!, r => r.Text);
        indicatorReasons.Keys.Should().BeEquivalentTo(RuleValues.IndicatorNumbers.Append("hardship").Concat(RuleValues.IndicatorBooleans).Select(n => "i-" + n).Append("i-texts"));
        budgetReasons.Keys.Should().BeEquivalentTo(RuleValues.BudgetNumbers.Append("central").Append("services").Select(n => "b-" + n));
        indicatorReasons.Concat(budgetReasons).Where(r => r.Key != "i-texts").Should().OnlyContain(r => r.Value.Length > 0 && r.Value != "—", "every value is there and printed");
        var texts = indicatorReasons["i-texts"].Split('|');
        texts.Should().HaveCount(RuleValues.IndicatorTexts.Length);
        texts.Should().OnlyContain(t => t.Length > 0 && t != "—");
        texts[..4].Should().Equal("合格人数", "rate", "子项目", "人");
        texts[5].Should().Be("100");
    }

    private static string Rule(string id, string when, string text, string scope) =>
        $$"""{ "id": "{{id}}", "when": "{{when}}", "category": "other", "text": "{{text}}", "scope": "{{scope}}" }""";
}
