using System.Globalization;
using FluentAssertions;
using PerfEval.Audit;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Loading;
using PerfEval.Review;

namespace PerfEval.Tests.Fidelity;

/// <summary>
/// Real published self-evaluation tables transcribed into rule folders (tests/Fidelity/*, each with SOURCE.md and
/// NOTES.md): every stated figure is recomputed, and every finding was checked by hand (the notes show the arithmetic).
/// </summary>
public sealed class FidelityCorpusTests
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");

    private static string Corpus => Path.Combine(Testing.Repository.Root(), "tests", "Fidelity");

    [Fact]
    public void Tangxi_commissioned_services_2022_the_total_row_left_at_zero_is_found_and_every_indicator_score_reproduced()
    {
        var audit = Audit("tangxi-commissioned-services-2022");

        // The 本年财政拨款 row states 89.974 available and spent; the 年度资金总额 row above it states 0 for both, 0 % and 0 points.
        audit.Evaluation.Budget.ExecutionRate.Should().Be(100m);
        audit.Evaluation.Budget.Score.Should().Be(10m);
        Disagreeing(audit).Should().Equal(
            ("$.stated.available", "0", "90"), ("$.stated.spent", "0", "90"), ("$.stated.executionRate", "0", "100"), ("$.stated.budgetScore", "0", "10"));
        audit.Comparisons.Where(c => c.Path.StartsWith("$.stated.scores.", StringComparison.Ordinal)).Should().HaveCount(9).And.OnlyContain(c => c.Agrees);
        Codes(audit).Should().Equal(
            ("PE4001", "$.stated.available"), ("PE4001", "$.stated.spent"), ("PE4001", "$.stated.executionRate"), ("PE4001", "$.stated.budgetScore"),
            ("PE4003", "$.stated.available"), ("PE2009", "$.indicators"));
        audit.Findings.Single(f => f.Code == "PE4003").Arguments["sum"].Should().Be("89.974");
        audit.Evaluation.Indicators.Should().OnlyContain(i => i.Status == IndicatorStatus.Met && i.Score == i.Weight);
    }

    [Fact]
    public void Tangxi_village_operations_2022_the_total_row_left_at_zero_is_found_and_every_indicator_score_reproduced()
    {
        var audit = Audit("tangxi-village-operations-2022");

        audit.Evaluation.Budget.ExecutionRate.Should().Be(100m, "132.912 of 132.912 was spent (the initial 202.64 was cut during the year)");
        Disagreeing(audit).Should().Equal(
            ("$.stated.available", "0", "133"), ("$.stated.spent", "0", "133"), ("$.stated.executionRate", "0", "100"), ("$.stated.budgetScore", "0", "10"));
        audit.Comparisons.Where(c => c.Path.StartsWith("$.stated.scores.", StringComparison.Ordinal)).Should().HaveCount(8).And.OnlyContain(c => c.Agrees);
        Codes(audit).Should().Equal(
            ("PE4001", "$.stated.available"), ("PE4001", "$.stated.spent"), ("PE4001", "$.stated.executionRate"), ("PE4001", "$.stated.budgetScore"),
            ("PE4003", "$.stated.available"), ("PE2009", "$.indicators"));
        audit.Evaluation.Indicators.Single(i => i.Id == "total-cost").Status.Should().Be(IndicatorStatus.Met, "132.9 ≤ 202.6");
    }

    [Fact]
    public void Linhe_employment_2022_the_stated_budget_is_three_hundredths_above_the_sum_of_its_sources()
    {
        var audit = Audit("linhe-employment-2022");

        // 3144.00 + 570.17 + 433.00 + 1426.90 + 1591.22 = 7165.29, stated 7165.32; spending 3144.00 + 570.17 + 432.10 + 1294.84 + 1551.84 = 6992.95 agrees.
        audit.Comparisons.Select(c => (c.Path, c.Stated, c.Recomputed)).Should().Equal(("$.stated.available", "7165.32", "7165.32"), ("$.stated.spent", "6992.95", "6992.95"));
        audit.Comparisons.Select(c => c.Agrees).Should().Equal(false, true);
        Codes(audit).Should().Equal(("PE4003", "$.stated.available"), ("PE2004", "$.budget.available"), ("PE1017", "$.indicators"));
        audit.Findings.Single(f => f.Code == "PE4003").Arguments["sum"].Should().Be("7165.29");
        audit.Evaluation.Budget.ExecutionRate.Should().Be(Figures.Round(6992.95m / 7165.32m * 100m)).And.Be(97.59m);
    }

    [Fact]
    public void Tianjiaan_employment_2024_the_rounded_execution_rate_of_86_percent_agrees_with_85_75()
    {
        var audit = Audit("tianjiaan-employment-2024");

        audit.Comparisons.Should().OnlyContain(c => c.Agrees);
        audit.Comparisons.Single(c => c.Path == "$.stated.executionRate").Exact.Should().StartWith("85.754");
        Codes(audit).Should().Equal(("PE1017", "$.indicators"), ("PE3001", "$.budget"));
        audit.HasErrors.Should().BeFalse();
    }

    [Fact]
    public void Yongde_nutrition_2022_a_met_indicator_scored_7_and_98_percent_scored_9_put_the_stated_total_four_points_low()
    {
        var audit = Audit("yongde-nutrition-2022");

        // ═100% (U+2550) is read as ＝100%: 98% of it is 98.00 %, 10 × 0.98 = 9.8.
        var awareness = audit.Evaluation.Indicators.Single(i => i.Id == "policy-awareness");
        awareness.Target.Comparison.Should().Be(Comparison.Equal);
        awareness.CompletionRate.Should().Be(98m);
        awareness.Score.Should().Be(9.8m);
        audit.Evaluation.TotalScore.Should().Be(99.8m, "10 + 40 + (10 + 9.8 + 10) + 20");
        Disagreeing(audit).Should().Equal(
            ("$.stated.scores.funds-on-time", "7", "10"), ("$.stated.scores.policy-awareness", "9", "10"), ("$.stated.totalScore", "96", "100"));
        audit.Comparisons.Single(c => c.Path == "$.stated.grade").Agrees.Should().BeTrue("99.8 and the stated 96 are both 优");
        Codes(audit).Should().Equal(
            ("PE4001", "$.stated.scores.funds-on-time"), ("PE4006", "$.stated.scores.funds-on-time"), ("PE4001", "$.stated.scores.policy-awareness"),
            ("PE4001", "$.stated.totalScore"), ("PE3001", "$.indicators.policy-awareness"));
    }

    [Fact]
    public void Jishan_medical_insurance_2020_every_score_below_its_weight_is_found_and_the_total_is_six_points_low()
    {
        var audit = Audit("jishan-medical-insurance-2020");

        // 65.07 / 65.66 = 99.10 %, stated 99; 10 × 0.991 = 9.91, stated 9. 8676 / 8755 = 99.10 %, 15 × 0.990977 = 14.86, stated 13.
        audit.Evaluation.Budget.ExecutionRate.Should().Be(99.10m);
        audit.Evaluation.Budget.Score.Should().Be(9.91m);
        audit.Evaluation.Indicators.Single(i => i.Id == "insured-people").Score.Should().Be(14.86m);
        audit.Evaluation.TotalScore.Should().Be(99.77m, "9.91 + 14.86 + 15 + 10 + 10 + 30 + 10");
        Disagreeing(audit).Should().Equal(
            ("$.stated.budgetScore", "9", "10"), ("$.stated.scores.insured-people", "13", "15"), ("$.stated.scores.access-to-care", "27", "30"),
            ("$.stated.scores.satisfaction", "9", "10"), ("$.stated.totalScore", "94", "100"));
        Codes(audit).Should().Equal(
            ("PE4001", "$.stated.budgetScore"), ("PE4001", "$.stated.scores.insured-people"), ("PE4001", "$.stated.scores.access-to-care"),
            ("PE4006", "$.stated.scores.access-to-care"), ("PE4001", "$.stated.scores.satisfaction"), ("PE4006", "$.stated.scores.satisfaction"),
            ("PE4001", "$.stated.totalScore"));
        audit.Evaluation.Indicators.Single(i => i.Id == "per-person-cost").Target.Comparison.Should().Be(Comparison.AtMost, "a bare 75元 under 成本指标");
    }

    [Fact]
    public void Jishan_medical_insurance_2020_the_stated_scores_add_up_to_93_against_a_stated_94_which_their_rounding_can_explain()
    {
        var audit = Audit("jishan-medical-insurance-2020");

        // 9 + 13 + 15 + 10 + 10 + 27 + 9 = 93. Seven whole-number scores may be 7 × 0.5 = 3.5 from the unrounded ones (9.4 + 13.4
        // + 15 + 10 + 10 + 27.4 + 9.4 = 93.6, which a whole-number total writes 94), and the total 0.5 from their sum: 1 point is within 4.
        audit.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.StatedScoresDoNotAddUp);
        var stated = PerfEvalJson.ReadProgrammeFolder(Path.Combine(Corpus, "jishan-medical-insurance-2020")).GetValueOrThrow().Actuals.Stated!;
        (stated.BudgetScore + stated.Scores.Values.Sum()).Should().Be(93m);
        stated.TotalScore.Should().Be(94m);
    }

    [Fact]
    public void Zhongjiang_water_gauges_2022_weights_of_110_are_found_behind_a_stated_total_of_100()
    {
        var audit = Audit("zhongjiang-water-gauges-2022");

        // Budget 10, output 10 + 10 + 20 + 10 + 10 + 10 = 70, benefit 10 + 10 = 20, satisfaction 10: every weight scored in full.
        audit.Evaluation.TotalWeight.Should().Be(110m);
        audit.Evaluation.TotalScore.Should().Be(110m);
        audit.Evaluation.Indicators.Should().OnlyContain(i => i.Status == IndicatorStatus.Met && i.Score == i.Weight);
        audit.Comparisons.Where(c => c.Path.StartsWith("$.stated.scores.", StringComparison.Ordinal)).Should().HaveCount(9).And.OnlyContain(c => c.Agrees);
        Disagreeing(audit).Should().Equal(("$.stated.totalScore", "100", "110"));
        audit.Comparisons.Single(c => c.Path == "$.stated.executionRate").Recomputed.Should().Be("100.00", "the table states 100.00%");
        Codes(audit).Should().Equal(("PE4001", "$.stated.totalScore"), ("PE4009", "$.stated.totalScore"), ("PE2023", "$.indicators"), ("PE2009", "$.indicators"));
    }

    [Fact]
    public void Zhongjiang_water_gauges_2022_the_stated_scores_themselves_add_up_to_110_not_the_stated_100()
    {
        var audit = Audit("zhongjiang-water-gauges-2022");

        // 10 (budget) + 10 + 10 + 20 + 10 + 10 + 10 + 10 + 10 + 10 = 110; ten whole-number figures explain at most 10 × 0.5 + 0.5 = 5.5.
        var finding = audit.Findings.Single(f => f.Code == DiagnosticCodes.StatedScoresDoNotAddUp);
        finding.Arguments.Should().Contain("stated", "100").And.Contain("sum", "110").And.Contain("count", "10").And.Contain("tolerance", "5.5");
    }

    [Fact]
    public void Langfang_school_renovation_2019_every_figure_agrees_and_the_86_percent_execution_is_unexplained()
    {
        var audit = Audit("langfang-school-renovation-2019");

        // 37.24 / 43.2 = 86.20 %, stated 86; 10 × 0.862 = 8.62, stated 9; the 工程资金金额 row likewise 8.62, stated 9.
        audit.Evaluation.Budget.ExecutionRate.Should().Be(86.20m);
        audit.Evaluation.Budget.Score.Should().Be(8.62m);
        audit.Evaluation.Indicators.Single(i => i.Id == "works-funds").Score.Should().Be(8.62m);
        audit.Comparisons.Should().HaveCount(17).And.OnlyContain(c => c.Agrees);
        Codes(audit).Should().Equal(("PE3001", "$.budget"));
        audit.Evaluation.TotalScore.Should().Be(97.24m);
    }

    [Fact]
    public void Xiaoxian_farming_subsidy_2023_the_sub_rows_add_up_and_every_score_is_reproduced()
    {
        var audit = Audit("xiaoxian-farming-subsidy-2023");

        // 1.5 + 5 + 20 + 3 = 29.5亩, 3 = 3亩, 180 + 12 = 192: computed from the sub-rows, equal to the stated actuals (no PE2016).
        audit.Evaluation.Indicators.Where(i => i.Id is "crop-area" or "fish-pond-area" or "livestock").Select(i => i.ActualNumber).Should().Equal(29.5m, 3m, 192m);
        audit.Evaluation.Indicators.Single(i => i.Id == "household-income").CompletionRate.Should().Be(105.49m, "12 / 11.376");
        audit.Comparisons.Should().HaveCount(14).And.OnlyContain(c => c.Agrees);
        Codes(audit).Should().Equal(("PE2009", "$.indicators"));
        audit.Evaluation.TotalWeight.Should().Be(90m, "the satisfaction block is missing from the stored copy");
    }

    [Fact]
    public void The_corpus_reviewed_as_one_folder_finds_the_six_reports_with_errors()
    {
        var reviews = PortfolioReview.Run(new Evaluator(), SubmissionFinder.Find(Corpus), new ReviewOptions { Culture = En }).ToList();
        var summary = PortfolioSummary.From(reviews, En);

        reviews.Select(r => (r.Submission.Name, r.HasErrors)).Should().Equal(
            ("jishan-medical-insurance-2020", true), ("langfang-school-renovation-2019", false), ("linhe-employment-2022", true),
            ("tangxi-commissioned-services-2022", true), ("tangxi-village-operations-2022", true), ("tianjiaan-employment-2024", false),
            ("xiaoxian-farming-subsidy-2023", false), ("yongde-nutrition-2022", true), ("zhongjiang-water-gauges-2022", true));
        summary.FindingsByCode.Single(c => c.Key == DiagnosticCodes.StatedFigureDisagrees).Count.Should().Be(17, "8 before, 3 in yongde, 5 in jishan, 1 in zhongjiang");
        summary.FindingsByCode.Single(c => c.Key == DiagnosticCodes.TotalContradictsDetail).Count.Should().Be(3);
        summary.FindingsByCode.Single(c => c.Key == DiagnosticCodes.StatedScoresDoNotAddUp).Count.Should().Be(1, "zhongjiang's scores add up to 110, its total says 100");
    }

    private static AuditResult Audit(string name)
    {
        var programme = PerfEvalJson.ReadProgrammeFolder(Path.Combine(Corpus, name)).GetValueOrThrow();
        return Auditor.Audit(new Evaluator().Evaluate(programme), programme.Actuals, culture: En);
    }

    private static List<(string Path, string Stated, string Recomputed)> Disagreeing(AuditResult audit) =>
        [.. audit.Comparisons.Where(c => !c.Agrees).Select(c => (c.Path, c.Stated, c.Recomputed))];

    private static List<(string Code, string Path)> Codes(AuditResult audit) => [.. audit.Findings.Select(f => (f.Code, f.Path))];
}
