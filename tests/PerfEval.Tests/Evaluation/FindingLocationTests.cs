using FluentAssertions;
using PerfEval.Diagnostics;
using static PerfEval.Tests.Evaluation.EvaluationFiles;

namespace PerfEval.Tests.Evaluation;

/// <summary>
/// Where the findings of an evaluation point: the path and the line of the file it stands in. The files are written one
/// value a line, so that a finding pointing at the parent of its value (or at the document) shows in the line.
/// </summary>
public sealed class FindingLocationTests
{
    private const string Set = """
        {
          "id": "s",
          "name": "测试项目",
          "year": 2025,
          "budget": {
            "sources": [ { "id": "a", "name": "中央资金" }, { "id": "b", "name": "本级资金" } ]
          },
          "indicators": [
            {
              "id": "n",
              "name": "培训人数",
              "level2": "quantity",
              "target": "≥100",
              "unit": "人",
              "weight": 50,
              "compute": "first + second"
            },
            {
              "id": "done",
              "name": "完成时限",
              "level2": "timeliness",
              "target": "2025年9月30日前"
            }
          ]
        }
        """;

    private static string Actuals(string budget, string indicators, string head = "") => $$"""
        {
          "indicatorSet": "s",{{head}}
          "budget": {
            {{budget}}
          },
          "indicators": {
            {{indicators}}
          }
        }
        """;

    private const string Indicators = """
        "n": {
              "actual": 100
            },
            "done": "2025年9月1日"
        """;

    private const string Budget = """
        "available": 100,
            "spent": 100
        """;

    [Fact]
    public void Actuals_of_another_set_point_at_their_indicator_set_line()
    {
        var actuals = Actuals(Budget, Indicators).Replace("\"indicatorSet\": \"s\"", "\"indicatorSet\": \"t\"", StringComparison.Ordinal);

        Evaluate(Set, actuals).Single(DiagnosticCodes.IndicatorSetMismatch).Place()
            .Should().Be(("$.indicatorSet", ActualsFile, LineOf(actuals, "\"indicatorSet\"")));
    }

    [Fact]
    public void Actuals_of_another_year_point_at_their_year_line()
    {
        var actuals = Actuals(Budget, Indicators, head: "\n  \"year\": 2024,");

        Evaluate(Set, actuals).Single(DiagnosticCodes.YearMismatch).Place().Should().Be(("$.year", ActualsFile, LineOf(actuals, "\"year\"")));
    }

    [Fact]
    public void A_missing_available_budget_points_at_the_budget_or_else_at_the_document()
    {
        var withBudget = Actuals("\"spent\": 5", Indicators);
        var withoutBudget = """
            {
              "indicatorSet": "s",
              "indicators": { "n": 100, "done": "2025年9月1日" }
            }
            """;

        Evaluate(Set, withBudget).Findings.Where(f => f.Code == DiagnosticCodes.BudgetMissing).Select(f => f.Place())
            .Should().Equal(("$.budget.available", ActualsFile, LineOf(withBudget, "\"budget\"")));
        Evaluate(Set, withoutBudget).Findings.Where(f => f.Code == DiagnosticCodes.BudgetMissing).Select(f => f.Place())
            .Should().Equal(("$.budget.available", ActualsFile, 1), ("$.budget.spent", ActualsFile, 1));
    }

    [Fact]
    public void Spending_from_sources_that_add_up_to_nothing_points_at_the_budget()
    {
        var actuals = Actuals("""
            "sources": {
                  "a": 0,
                  "b": 0
                },
                "spent": 5
            """, Indicators);

        Evaluate(Set, actuals).Single(DiagnosticCodes.SpentWithoutBudget).Place().Should().Be(("$.budget", ActualsFile, LineOf(actuals, "\"budget\"")));
    }

    [Fact]
    public void Spending_without_an_available_budget_points_at_the_available_budget()
    {
        var actuals = Actuals("""
            "available": 0,
                "spent": 5
            """, Indicators);

        Evaluate(Set, actuals).Single(DiagnosticCodes.SpentWithoutBudget).Place().Should().Be(("$.budget.available", ActualsFile, LineOf(actuals, "\"available\"")));
    }

    [Fact]
    public void Overspending_without_a_stated_spending_points_at_the_budget()
    {
        // B is the sources' spending, 110 of 100: there is no "spent" to point at.
        var actuals = Actuals("""
            "sources": {
                  "a": { "available": 60, "spent": 70 },
                  "b": { "available": 40, "spent": 40 }
                }
            """, Indicators);

        Evaluate(Set, actuals).Single(DiagnosticCodes.OverSpent).Place().Should().Be(("$.budget.spent", ActualsFile, LineOf(actuals, "\"budget\"")));
    }

    [Fact]
    public void Overspending_with_a_stated_spending_points_at_it()
    {
        var actuals = Actuals("""
            "available": 100,
                "spent": 110
            """, Indicators);

        Evaluate(Set, actuals).Single(DiagnosticCodes.OverSpent).Place().Should().Be(("$.budget.spent", ActualsFile, LineOf(actuals, "\"spent\"")));
    }

    [Fact]
    public void Sources_that_do_not_add_up_point_at_the_stated_total_or_at_the_sources()
    {
        var initial = Actuals("""
            "initial": 90,
                "sources": {
                  "a": { "initial": 50, "available": 60 },
                  "b": { "initial": 30, "available": 40 }
                },
                "spent": 10
            """, Indicators);
        var spent = Actuals("""
            "sources": {
                  "a": { "available": 60, "spent": 6 },
                  "b": { "available": 40, "spent": 4 }
                },
                "spent": 9
            """, Indicators);
        var available = Actuals("""
            "available": 100,
                "sources": {
                  "a": 60,
                  "b": 30
                },
                "spent": 9
            """, Indicators);

        Evaluate(Set, initial).Single(DiagnosticCodes.SourcesFigureMismatch).Place().Should().Be(("$.budget.initial", ActualsFile, LineOf(initial, "\"initial\"")));
        Evaluate(Set, spent).Single(DiagnosticCodes.SourcesFigureMismatch).Place().Should().Be(("$.budget.spent", ActualsFile, LineOf(spent, "\"spent\": 9")));
        Evaluate(Set, available).Single(DiagnosticCodes.SourcesTotalMismatch).Place().Should().Be(("$.budget.available", ActualsFile, LineOf(available, "\"available\"")));
    }

    [Fact]
    public void A_budget_line_the_set_does_not_declare_points_at_the_line()
    {
        var actuals = Actuals("""
            "sources": {
                  "a": 60,
                  "c": 40
                },
                "spent": 9
            """, Indicators);

        Evaluate(Set, actuals).Single(DiagnosticCodes.UnknownBudgetLine).Place().Should().Be(("$.budget.sources.c", ActualsFile, LineOf(actuals, "\"c\"")));
    }

    [Fact]
    public void A_budget_beyond_the_range_of_a_decimal_points_at_the_budget()
    {
        var actuals = Actuals("""
            "sources": {
                  "a": 50000000000000000000000000000,
                  "b": 50000000000000000000000000000
                },
                "spent": 1
            """, Indicators);

        Evaluate(Set, actuals).Single(DiagnosticCodes.FigureOutOfRange).Place().Should().Be(("$.budget", ActualsFile, LineOf(actuals, "\"budget\"")));
    }

    [Fact]
    public void A_stated_actual_that_is_not_the_computed_one_points_at_the_actual()
    {
        var actuals = Actuals(Budget, """
            "n": {
                  "inputs": { "first": 60, "second": 50 },
                  "actual": 100
                },
                "done": "2025年9月1日"
            """);

        Evaluate(Set, actuals).Single(DiagnosticCodes.ComputedActualMismatch).Place().Should().Be(("$.indicators.n.actual", ActualsFile, LineOf(actuals, "\"actual\"")));
    }

    [Fact]
    public void A_computation_that_fails_points_at_the_inputs_or_else_at_the_entry()
    {
        var withInputs = Actuals(Budget, """
            "n": {
                  "reason": "见说明",
                  "inputs": { "first": 60 }
                },
                "done": "2025年9月1日"
            """);
        var withoutInputs = Actuals(Budget, """
            "n": {
                  "reason": "见说明"
                },
                "done": "2025年9月1日"
            """);

        Evaluate(Set, withInputs).Single(DiagnosticCodes.ExpressionFailed).Place().Should().Be(("$.indicators.n.inputs", ActualsFile, LineOf(withInputs, "\"inputs\"")));
        Evaluate(Set, withoutInputs).Single(DiagnosticCodes.ExpressionFailed).Place().Should().Be(("$.indicators.n.inputs", ActualsFile, LineOf(withoutInputs, "\"n\"")));
    }

    [Fact]
    public void A_negative_actual_points_at_the_actual()
    {
        var actuals = Actuals(Budget, """
            "n": {
                  "actual": -5
                },
                "done": "2025年9月1日"
            """);

        Evaluate(Set, actuals).Single(DiagnosticCodes.NegativeActual).Place().Should().Be(("$.indicators.n.actual", ActualsFile, LineOf(actuals, "\"actual\"")));
    }

    [Fact]
    public void A_deadline_whose_actual_says_nothing_about_time_is_an_error_at_the_actual()
    {
        var actuals = Actuals(Budget, """
            "n": 100,
                "done": {
                  "actual": "正在推进"
                }
            """);
        var r = Evaluate(Set, actuals);

        var finding = r.Single(DiagnosticCodes.ActualNotComparable);
        finding.Place().Should().Be(("$.indicators.done.actual", ActualsFile, LineOf(actuals, "\"actual\"")));
        finding.Severity.Should().Be(DiagnosticSeverity.Error);
        finding.Arguments.Should().Contain(new Dictionary<string, string>
        {
            ["actual"] = "正在推进",
            ["target"] = "2025年9月30日前",
            ["reason"] = "expected a date, a deadline such as '12月底前', or '完成' / '未完成'",
        });
        r.Indicators.Single(i => i.Id == "done").Should().Match<PerfEval.Evaluation.IndicatorResult>(i => i.Status == PerfEval.Evaluation.IndicatorStatus.Missing && i.Score == 0m);
    }

    [Fact]
    public void An_unknown_reason_category_points_at_the_category_and_lists_the_known_ones_in_order()
    {
        var actuals = Actuals("""
            "available": 100,
                "spent": 50,
                "reason": "资金下达晚",
                "reasonCategory": "weather"
            """, """
            "n": {
                  "actual": 50,
                  "reason": "学员未报到",
                  "reasonCategory": "rain"
                },
                "done": "2025年9月1日"
            """);
        var r = Evaluate(Set, actuals);

        var findings = r.Findings.Where(f => f.Code == DiagnosticCodes.UnknownReasonCategory).ToList();
        findings.Select(f => f.Place()).Should().BeEquivalentTo(new[]
        {
            ("$.budget.reasonCategory", (string?)ActualsFile, (int?)LineOf(actuals, "\"weather\"")),
            ("$.indicators.n.reasonCategory", ActualsFile, LineOf(actuals, "\"rain\"")),
        });
        findings.Should().OnlyContain(f => f.Severity == DiagnosticSeverity.Error);
        findings.Select(f => f.Arguments["category"]).Should().BeEquivalentTo("weather", "rain");
        findings[0].Arguments["known"].Should().Be("data, equipment, externalChange, funds, institutional, management, notStarted, other, policyChange, staffing, targetTooHigh, targetTooLow");
        r.Budget.Deviation.Reasons.Should().ContainSingle().Which.Category.Should().Be("other");
        r.Indicators.Single(i => i.Id == "n").Deviation.Reasons.Should().ContainSingle().Which.Category.Should().Be("other");
    }
}
