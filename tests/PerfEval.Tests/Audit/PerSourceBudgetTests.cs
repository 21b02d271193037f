using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using PerfEval.Audit;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Loading;
using PerfEval.Reporting;

namespace PerfEval.Tests.Audit;

/// <summary>
/// The funds block per source (年初预算数, 全年预算数, 全年执行数, 执行率 of 当年财政拨款, 上年结转资金, 其他资金, or 中央补助 and
/// 地方资金): read, evaluated, shown in the table and audited. The expected figures of the example in
/// rules/examples/skills-training-sources-2024 are worked out by hand in its actuals.json.
/// </summary>
public sealed class PerSourceBudgetTests
{
    private static readonly Programme Example = PerfEvalJson.ReadProgrammeFolder(
        Path.Combine(Testing.Repository.Root(), "rules", "examples", "skills-training-sources-2024")).GetValueOrThrow();

    private const string TransferSet = """
        { "id": "t", "name": "转移支付项目", "year": 2025,
          "budget": { "sources": [ { "id": "central", "name": "中央补助资金", "category": "中央补助" }, { "id": "local", "name": "地方资金", "category": "localFunds" } ] },
          "indicators": [ { "id": "n", "name": "培训人数", "level2": "quantity", "target": "≥100", "unit": "人", "weight": 90 } ] }
        """;

    private static EvaluationResult Evaluate(string set, string budget)
    {
        var s = PerfEvalJson.ReadIndicatorSet(set, "indicators.json").GetValueOrThrow();
        var a = PerfEvalJson.ReadActuals($$"""{ "indicatorSet": "{{s.Id}}", "budget": {{budget}}, "indicators": { "n": 100 } }""", "actuals.json").GetValueOrThrow();
        return new Evaluator().Evaluate(s, a);
    }

    /// <summary>The example's audit with its stated block replaced.</summary>
    private static AuditResult AuditExample(string stated)
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(Testing.Repository.Root(), "rules", "examples", "skills-training-sources-2024", "actuals.json")))!;
        document["stated"] = JsonNode.Parse("{" + stated + "}");
        var actuals = PerfEvalJson.ReadActuals(document.ToJsonString(), "actuals.json").GetValueOrThrow();
        return Auditor.Audit(new Evaluator().Evaluate(Example.IndicatorSet, actuals), actuals);
    }

    [Fact]
    public void Each_source_gets_its_own_execution_rate_and_the_totals_are_the_sources_sums()
    {
        var b = new Evaluator().Evaluate(Example).Budget;

        // 200 + 0 + 10, 220 + 35.5 + 10, 205.3 + 30 + 4.2; 239.5 / 265.5 = 90.2071… %; 10 × 0.902071… = 9.02.
        (b.Initial, b.Available, b.Spent, b.ExecutionRate, b.Score).Should().Be((210m, 265.5m, 239.5m, 90.21m, 9.02m));

        // 205.3 / 220 = 93.3181… %, 30 / 35.5 = 84.5070… %, 4.2 / 10 = 42 %.
        b.Sources.Select(s => (s.Id, s.Initial, s.Amount, s.Spent, s.ExecutionRate)).Should().Equal(
            ("fiscal", 200m, 220m, 205.3m, 93.32m),
            ("carry", 0m, 35.5m, 30m, 84.51m),
            ("other", 10m, 10m, 4.2m, 42.00m));
    }

    [Fact]
    public void The_table_shows_each_source_row_of_the_national_form_with_its_spending_and_rate_and_dashes_for_weight_and_score()
    {
        var table = SelfEvaluationTable.From(new Evaluator().Evaluate(Example));

        table.Funds.Select(f => (f.Label, f.Initial, f.Available, f.Spent, f.Weight, f.ExecutionRate, f.Score)).Should().Equal(
            ("年度资金总额", 210m, 265.5m, 239.5m, 10m, 90.21m, 9.02m),
            ("其中：当年财政拨款", 200m, 220m, 205.3m, null, 93.32m, null),
            ("上年结转资金", 0m, 35.5m, 30m, null, 84.51m, null),
            ("其他资金", 10m, 10m, 4.2m, null, 42.00m, null));
        TableWriters.ToMarkdown(table).Should().Contain("| 其他资金 | 10.00 | 10.00 | 4.20 | — | 42.00% | — |");
    }

    [Fact]
    public void A_source_row_sums_its_sources_and_shows_spending_only_when_each_of_them_gives_it()
    {
        var set = TransferSet.Replace("""{ "id": "local", "name": "地方资金", "category": "localFunds" }""",
            """{ "id": "region", "name": "自治区资金", "category": "localFunds" }, { "id": "local", "name": "旗县资金", "category": "localFunds" }""", StringComparison.Ordinal);
        var table = SelfEvaluationTable.From(Evaluate(set, """{ "sources": { "central": { "available": 80, "spent": 60 }, "region": { "available": 15, "spent": 15 }, "local": 5 } }"""));

        // 地方资金 = 15 + 5 = 20; its spending is unknown, since 旗县资金 gives none.
        table.Funds.Select(f => (f.Label, f.Available, f.Spent, f.ExecutionRate)).Should().Equal(
            ("年度资金总额", 100m, null, null),
            ("其中：中央补助", 80m, 60m, 75.00m),
            ("地方资金", 20m, null, null));
    }

    [Fact]
    public void The_transfer_payment_form_has_rows_for_central_subsidy_and_local_funds_instead_of_the_project_forms()
    {
        var result = Evaluate(TransferSet, """{ "sources": { "central": { "initial": 70, "available": 80, "spent": 72 }, "local": { "initial": 20, "available": 20, "spent": 19 } } }""");

        result.Findings.Should().NotContain(f => f.Severity == DiagnosticSeverity.Error);
        SelfEvaluationTable.From(result).Funds.Select(f => (f.Label, f.Initial, f.Available, f.Spent, f.ExecutionRate)).Should().Equal(
            ("年度资金总额", 90m, 100m, 91m, 91.00m),
            ("其中：中央补助", 70m, 80m, 72m, 90.00m),
            ("地方资金", 20m, 20m, 19m, 95.00m));
        SelfEvaluationTable.From(result, new TableOptions { Chinese = false }).Funds.Select(f => f.Label)
            .Should().Equal("Total funds", "of which: central subsidy", "local funds");
    }

    [Fact]
    public void Sources_whose_initial_budgets_or_spending_do_not_add_up_to_the_totals_are_PE2026_at_the_total()
    {
        var result = Evaluate(TransferSet, """
            { "initial": 95, "spent": 90,
              "sources": { "central": { "initial": 70, "available": 80, "spent": 72 }, "local": { "initial": 20, "available": 20, "spent": 19 } } }
            """);

        result.Findings.Where(f => f.Code == DiagnosticCodes.SourcesFigureMismatch).Select(f => (f.Path, f.Arguments["sum"], f.Arguments["total"], f.Location!.Line > 0))
            .Should().Equal(("$.budget.initial", "90", "95", true), ("$.budget.spent", "91", "90", true));
        result.Budget.Spent.Should().Be(90m, "a stated total stays the total; the finding says its sources disagree");
    }

    [Fact]
    public void Spending_is_not_taken_from_the_sources_when_one_of_them_does_not_give_it()
    {
        var result = Evaluate(TransferSet, """{ "sources": { "central": { "available": 80, "spent": 72 }, "local": 20 } }""");

        result.Budget.Spent.Should().BeNull();
        result.Findings.Should().Contain(f => f.Code == DiagnosticCodes.BudgetMissing && f.Path == "$.budget.spent");
    }

    [Fact]
    public void Sources_given_as_amounts_alone_write_no_per_source_figures_into_the_result_json()
    {
        var result = Evaluate(TransferSet, """{ "spent": 90, "sources": { "central": 80, "local": 20 } }""");
        using var json = JsonDocument.Parse(ResultJson.ToJson(result));

        var central = json.RootElement.GetProperty("budget").GetProperty("sources")[0];
        central.EnumerateObject().Select(p => p.Name).Should().Equal("id", "name", "category", "amount", "share");
        central.GetProperty("category").GetString().Should().Be("centralSubsidy");
    }

    [Fact]
    public void Sources_given_with_their_rows_write_initial_spent_and_execution_rate_into_the_result_json()
    {
        using var json = JsonDocument.Parse(ResultJson.ToJson(new Evaluator().Evaluate(Example)));

        var carry = json.RootElement.GetProperty("budget").GetProperty("sources")[1];
        (carry.GetProperty("initial").GetDecimal(), carry.GetProperty("spent").GetDecimal(), carry.GetProperty("executionRate").GetDecimal())
            .Should().Be((0m, 30m, 84.51m));
    }

    [Fact]
    public void A_source_object_without_its_full_year_budget_is_refused_with_its_path()
    {
        var load = PerfEvalJson.ReadActuals("""{ "indicatorSet": "t", "budget": { "sources": { "central": { "spent": 72 } } }, "indicators": {} }""", "actuals.json");

        load.Succeeded.Should().BeFalse();
        load.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.MissingProperty && d.Path == "$.budget.sources.central.available");
    }

    [Fact]
    public void The_audit_of_the_example_finds_the_disagreements_worked_out_by_hand()
    {
        var actuals = Example.Actuals;
        var audit = Auditor.Audit(new Evaluator().Evaluate(Example), actuals);

        audit.Findings.Where(f => f.Code.StartsWith("PE4", StringComparison.Ordinal)).Select(f => (f.Code, f.Path)).Should().Equal(
            ("PE4001", "$.stated.sources.carry.executionRate"),
            ("PE4001", "$.stated.sources.other.spent"),
            ("PE4001", "$.stated.sources.other.executionRate"),
            ("PE4003", "$.stated.spent"));
        audit.Findings[0].Arguments["recomputed"].Should().Be("84.5", "30 / 35.5 = 84.507… %, 84.5 at the stated one decimal");
        audit.Findings[3].Arguments["sum"].Should().Be("240.1", "the stated rows: 205.3 + 30 + 4.8");
        audit.Comparisons.Single(c => c.Path == "$.stated.sources.fiscal.executionRate").Agrees.Should().BeTrue("93.318… % is 93.3 at one decimal");
        audit.Comparisons.Single(c => c.Path == "$.stated.spent").Agrees.Should().BeFalse("its rows do not add up to it");
        audit.HasErrors.Should().BeTrue();
    }

    [Fact]
    public void Stated_rows_that_add_up_and_agree_leave_the_audit_without_findings()
    {
        var audit = AuditExample("""
            "sources": { "carry": { "executionRate": 84.5 }, "other": { "spent": 4.2, "executionRate": 42 } }
            """);

        // Only two of the three sources are stated: their sums are not compared with the totals.
        audit.Findings.Where(f => f.Code.StartsWith("PE4", StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Fact]
    public void A_stated_initial_total_that_its_sources_do_not_add_up_to_is_PE4003()
    {
        var audit = AuditExample("""
            "initial": 220
            """);

        var finding = audit.Findings.Single(f => f.Code == DiagnosticCodes.TotalContradictsDetail);
        (finding.Path, finding.Arguments["sum"]).Should().Be(("$.stated.initial", "210"));
        audit.Findings.Should().Contain(f => f.Code == DiagnosticCodes.StatedFigureDisagrees && f.Path == "$.stated.initial");
    }

    [Fact]
    public void A_stated_row_for_a_source_the_set_does_not_have_is_PE4008()
    {
        var audit = AuditExample("""
            "sources": { "grant": { "available": 5 } }
            """);

        audit.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.StatedUnknownItem).Which.Path.Should().Be("$.stated.sources.grant");
    }
}
