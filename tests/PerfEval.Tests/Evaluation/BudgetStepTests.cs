using System.Globalization;
using FluentAssertions;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Loading;

namespace PerfEval.Tests.Evaluation;

/// <summary>
/// The budget step of an evaluation: the available budget (A) and the spending (B) from their totals or their lines,
/// the execution rate and its score, each line's share, and the findings when the figures do not fit together.
/// </summary>
public sealed class BudgetStepTests
{
    private const string Set = """
        { "id": "s", "name": "测试项目", "year": 2025,
          "budget": { "sources": [ { "id": "a", "name": "中央资金", "category": "中央补助" }, { "id": "b", "name": "本级资金" } ],
                      "expenditures": [ { "id": "x", "name": "甲" }, { "id": "y", "name": "乙" } ] },
          "indicators": [ { "id": "n", "name": "培训人数", "level2": "quantity", "target": "≥100", "unit": "人", "weight": 90 } ] }
        """;

    private const string SetWithoutLines = """
        { "id": "s", "name": "测试项目", "year": 2025,
          "indicators": [ { "id": "n", "name": "培训人数", "level2": "quantity", "target": "≥100", "unit": "人", "weight": 90 } ] }
        """;

    private static EvaluationResult Evaluate(string budget, string set = Set)
    {
        var s = PerfEvalJson.ReadIndicatorSet(set, "indicators.json").GetValueOrThrow();
        var a = PerfEvalJson.ReadActuals($$"""{ "indicatorSet": "s", "budget": {{budget}}, "indicators": { "n": 100 } }""", "actuals.json").GetValueOrThrow();
        return new Evaluator(new PerfEvalOptions { Culture = CultureInfo.GetCultureInfo("en") }).Evaluate(s, a);
    }

    private static Diagnostic Single(EvaluationResult r, string code) => r.Findings.Should().ContainSingle(f => f.Code == code).Subject;

    [Fact]
    public void Spending_without_an_available_budget_is_an_error_at_the_available_budget()
    {
        var r = Evaluate("""{ "available": 0, "spent": 5 }""");

        var finding = Single(r, DiagnosticCodes.SpentWithoutBudget);
        (finding.Path, finding.Severity).Should().Be(("$.budget.available", DiagnosticSeverity.Error));
        finding.Location.Should().NotBeNull();
        finding.Arguments.Should().Contain(new Dictionary<string, string> { ["spent"] = "5", ["available"] = "0" });
        (r.Budget.ExecutionRate, r.Budget.Score).Should().Be((null, 0m));
        r.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.OverSpent);
    }

    [Fact]
    public void Spending_from_sources_that_add_up_to_nothing_is_an_error_at_the_budget()
    {
        var r = Evaluate("""{ "sources": { "a": 0, "b": 0 }, "spent": 5 }""");

        Single(r, DiagnosticCodes.SpentWithoutBudget).Path.Should().Be("$.budget");
    }

    [Fact]
    public void Nothing_spent_of_nothing_available_is_no_error()
    {
        Evaluate("""{ "available": 0, "spent": 0 }""").Findings.Should().NotContain(f => f.Code == DiagnosticCodes.SpentWithoutBudget);
    }

    [Fact]
    public void Spending_exactly_the_available_budget_is_not_overspending()
    {
        var r = Evaluate("""{ "available": 100, "spent": 100 }""");

        r.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.OverSpent);
        (r.Budget.ExecutionRate, r.Budget.Score).Should().Be((100m, 10m));
    }

    [Fact]
    public void Overspending_is_a_warning_at_the_spending()
    {
        var finding = Single(Evaluate("""{ "available": 100, "spent": 100.01 }"""), DiagnosticCodes.OverSpent);

        (finding.Path, finding.Severity).Should().Be(("$.budget.spent", DiagnosticSeverity.Warning));
        finding.Location.Should().NotBeNull();
    }

    [Fact]
    public void Expenditures_that_do_not_add_up_to_the_stated_spending_are_an_error_and_the_stated_total_counts()
    {
        var r = Evaluate("""{ "available": 100, "spent": 10, "expenditures": { "x": 4, "y": 5 } }""");

        var finding = Single(r, DiagnosticCodes.ExpendituresTotalMismatch);
        (finding.Path, finding.Severity).Should().Be(("$.budget.spent", DiagnosticSeverity.Error));
        finding.Arguments.Should().Contain(new Dictionary<string, string> { ["sum"] = "9", ["total"] = "10" });
        r.Budget.Spent.Should().Be(10m);
        r.Budget.Expenditures.Select(e => (e.Id, e.Name, e.Amount, e.Share, e.Category, e.ExecutionRate)).Should().Equal(
            ("x", "甲", 4m, 40m, (SourceCategory?)null, (decimal?)null),
            ("y", "乙", 5m, 50m, (SourceCategory?)null, (decimal?)null));
    }

    [Fact]
    public void Sources_that_do_not_add_up_to_the_stated_available_budget_are_an_error_and_the_stated_total_counts()
    {
        var r = Evaluate("""{ "available": 100, "spent": 50, "sources": { "a": 60, "b": 30 } }""");

        var finding = Single(r, DiagnosticCodes.SourcesTotalMismatch);
        (finding.Path, finding.Severity).Should().Be(("$.budget.available", DiagnosticSeverity.Error));
        finding.Arguments.Should().Contain(new Dictionary<string, string> { ["sum"] = "90", ["total"] = "100" });
        r.Budget.Available.Should().Be(100m);
        r.Budget.Sources.Select(l => (l.Id, l.Share)).Should().Equal(("a", 60m), ("b", 30m));
    }

    [Fact]
    public void Lines_that_add_up_to_their_totals_raise_nothing()
    {
        var r = Evaluate("""{ "available": 90, "spent": 9, "sources": { "a": 60, "b": 30 }, "expenditures": { "x": 4, "y": 5 } }""");

        r.Findings.Should().NotContain(f => f.Severity == DiagnosticSeverity.Error);
        r.Budget.ExecutionRate.Should().Be(10m);
    }

    [Fact]
    public void A_budget_without_an_available_total_or_sources_is_reported_missing()
    {
        var r = Evaluate("""{ "spent": 5 }""", SetWithoutLines);

        var finding = Single(r, DiagnosticCodes.BudgetMissing);
        (finding.Path, finding.Severity).Should().Be(("$.budget.available", DiagnosticSeverity.Error));
        finding.Arguments["figure"].Should().Be("available budget (A)");
        r.Budget.Available.Should().BeNull();
        r.Budget.Score.Should().Be(0m);
    }

    [Fact]
    public void Spending_is_the_sum_of_the_expenditures_when_no_total_is_given()
    {
        var r = Evaluate("""{ "available": 100, "expenditures": { "x": 4, "y": 5 } }""");

        r.Budget.Spent.Should().Be(9m);
        r.Budget.Expenditures.Select(e => e.Share).Should().Equal(44.44m, 55.56m);
        r.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.BudgetMissing);
    }

    [Fact]
    public void A_declared_line_the_actuals_leave_out_counts_as_0()
    {
        var r = Evaluate("""{ "sources": { "b": 40 }, "spent": 20 }""");

        r.Budget.Sources.Select(l => (l.Id, l.Name, l.Category, l.Amount, l.Share)).Should().Equal(
            ("a", "中央资金", SourceCategory.CentralSubsidy, 0m, 0m),
            ("b", "本级资金", (SourceCategory?)SourceCategory.Appropriation, 40m, 100m));
        r.Budget.Available.Should().Be(40m);
    }

    [Fact]
    public void A_line_the_set_does_not_declare_is_reported_and_left_out()
    {
        var r = Evaluate("""{ "sources": { "a": 40, "c": 10 }, "expenditures": { "x": 1, "z": 2 } }""");

        r.Findings.Where(f => f.Code == DiagnosticCodes.UnknownBudgetLine).Select(f => (f.Path, f.Arguments["kind"], f.Arguments["id"])).Should().Equal(
            ("$.budget.sources.c", "source", "c"),
            ("$.budget.expenditures.z", "expenditure", "z"));
        r.Budget.Available.Should().Be(40m);
        r.Budget.Spent.Should().Be(1m);
    }

    [Fact]
    public void Lines_of_a_set_that_declares_none_are_taken_as_given_and_named_by_their_ids()
    {
        var r = Evaluate("""{ "sources": { "own": 30, "grant": 70 }, "expenditures": { "pay": 50 } }""", SetWithoutLines);

        r.Budget.Sources.Select(l => (l.Id, l.Name, l.Category, l.Share)).Should().Equal(
            ("own", "own", (SourceCategory?)SourceCategory.Appropriation, 30m), ("grant", "grant", SourceCategory.Appropriation, 70m));
        r.Budget.Expenditures.Should().ContainSingle().Which.Should().Match<BudgetLineResult>(l => l.Name == "pay" && l.Category == null && l.Share == 100m);
        (r.Budget.Available, r.Budget.Spent, r.Budget.ExecutionRate).Should().Be((100m, 50m, 50m));
    }

    [Fact]
    public void A_source_with_nothing_available_has_no_execution_rate()
    {
        var r = Evaluate("""{ "sources": { "a": { "available": 0, "spent": 0 }, "b": { "available": 40, "spent": 10 } } }""");

        r.Budget.Sources.Select(l => (l.Id, l.ExecutionRate)).Should().Equal(("a", (decimal?)null), ("b", 25m));
        (r.Budget.Spent, r.Budget.ExecutionRate).Should().Be((10m, 25m));
    }

    [Fact]
    public void Sources_whose_spending_does_not_add_up_to_the_expenditures_are_reported_at_the_sources()
    {
        // No spending total: B is the expenditures' 9, and the sources say 10.
        var r = Evaluate("""{ "sources": { "a": { "available": 60, "spent": 6 }, "b": { "available": 40, "spent": 4 } }, "expenditures": { "x": 4, "y": 5 } }""");

        var finding = Single(r, DiagnosticCodes.SourcesFigureMismatch);
        (finding.Path, finding.Severity).Should().Be(("$.budget.sources", DiagnosticSeverity.Error));
        finding.Arguments.Should().Contain(new Dictionary<string, string> { ["figure"] = "spending (B)", ["sum"] = "10", ["total"] = "9" });
    }

    [Fact]
    public void Sources_whose_initial_budgets_do_not_add_up_to_the_stated_initial_budget_are_reported_at_it()
    {
        var r = Evaluate("""{ "initial": 90, "sources": { "a": { "initial": 50, "available": 60 }, "b": { "initial": 30, "available": 40 } }, "spent": 10 }""");

        var finding = Single(r, DiagnosticCodes.SourcesFigureMismatch);
        finding.Path.Should().Be("$.budget.initial");
        finding.Arguments.Should().Contain(new Dictionary<string, string> { ["figure"] = "initial budget", ["sum"] = "80", ["total"] = "90" });
        r.Budget.Initial.Should().Be(90m);
    }

    [Fact]
    public void The_initial_budget_is_the_sum_of_the_sources_when_no_total_is_given()
    {
        var r = Evaluate("""{ "sources": { "a": { "initial": 50, "available": 60 }, "b": { "initial": 30, "available": 40 } }, "spent": 10 }""");

        r.Budget.Initial.Should().Be(80m);
        r.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.SourcesFigureMismatch);
    }

    [Fact]
    public void A_budget_beyond_the_range_of_a_decimal_is_reported_and_scores_nothing()
    {
        var r = Evaluate("""{ "sources": { "a": 50000000000000000000000000000, "b": 50000000000000000000000000000 }, "spent": 1 }""");

        var finding = Single(r, DiagnosticCodes.FigureOutOfRange);
        (finding.Path, finding.Severity).Should().Be(("$.budget", DiagnosticSeverity.Error));
        finding.Arguments["figure"].Should().Be("budget");
        (r.Budget.Available, r.Budget.Score, r.Budget.Weight, r.Budget.Unit).Should().Be((null, 0m, 10m, "万元"));
    }
}
