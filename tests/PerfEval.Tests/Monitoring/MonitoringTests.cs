using System.Globalization;
using System.Text.Json;
using FluentAssertions;
using PerfEval.Actuals;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Loading;
using PerfEval.Monitoring;
using PerfEval.Reporting;
using PerfEval.Tests.Golden;

namespace PerfEval.Tests.Monitoring;

public sealed class MonitoringTests : IClassFixture<SeedExample>
{
    private static readonly Evaluator English = new(new PerfEvalOptions { Culture = CultureInfo.GetCultureInfo("en") });

    private readonly SeedExample _seed;
    private readonly MonitoringReport _point;

    public MonitoringTests(SeedExample seed)
    {
        _seed = seed;
        _point = PerformanceMonitor.Assess(seed.Load.Value!.IndicatorSet, SeedPoint(), English);
    }

    private static ProgrammeActuals SeedPoint() =>
        PerfEvalJson.ReadActualsFile(Path.Combine(SeedExample.RepositoryRoot(), "rules", "examples", "zalantun-employment-2025", "monitoring", "2025-07.json")).GetValueOrThrow();

    private IndicatorProgress Row(string id) => _point.Indicators.Single(i => i.Id == id);

    private static IndicatorSet Set(string indicators) =>
        PerfEvalJson.ReadIndicatorSet($$"""{ "id": "s", "name": "n", "year": 2024, "indicators": [ {{indicators}} ] }""").GetValueOrThrow();

    private static ProgrammeActuals Point(string body) => PerfEvalJson.ReadActuals($$"""{ "indicatorSet": "s", {{body}} }""", "point.json").GetValueOrThrow();

    [Fact]
    public void The_time_elapsed_is_the_days_to_the_as_of_date_over_the_days_of_the_year()
    {
        _point.AsOf.Should().Be(new DateOnly(2025, 7, 31));
        _point.Elapsed.Should().Be(Figures.Percent(212m / 365m));

        var leap = PerformanceMonitor.Assess(Set("""{ "id": "a", "name": "人数", "level2": "quantity", "target": "≥100", "unit": "人" }"""), Point("""  "asOf": "2024-07-31", "indicators": { "a": 50 }  """), English);
        leap.Elapsed.Should().Be(Figures.Percent(213m / 366m), "2024 is a leap year");
    }

    [Fact]
    public void A_count_is_projected_linearly_by_the_share_of_the_year_elapsed()
    {
        var r = Row("si-subsidy-recipients");

        r.ActualNumber.Should().Be(1498 + 61 + 97, "the actual is computed from its inputs, as at the year end");
        r.Projection.Should().Be(ProjectionMethod.Linear);
        r.Projected.Should().Be(Figures.Round(1656m * 365m / 212m));
        r.ProjectedCompletion.Should().Be(Figures.Percent(1656m * 365m / 212m / 2300m));
        r.Likelihood.Should().Be(Likelihood.Certain);
    }

    [Fact]
    public void A_rate_stands_for_the_year_and_a_duration_is_not_counted()
    {
        Row("funds-paid-on-time").Projection.Should().Be(ProjectionMethod.Level);
        Row("funds-paid-on-time").ProjectedCompletion.Should().Be(Figures.Percent(96m / 98m));
        Row("project-duration").Projection.Should().Be(ProjectionMethod.Level, "2年 is a duration");
        Row("project-duration").Likelihood.Should().Be(Likelihood.Certain);
    }

    [Theory]
    [InlineData("si-subsidy-recipients", Likelihood.Certain)]
    [InlineData("startup-subsidy-recipients", Likelihood.Possible)] // 2 / 0.5808 / 5 = 68.87 %, at least 60 %
    [InlineData("hardship-employment", Likelihood.Possible)] // 79.29 %
    [InlineData("intern-subsidy-recipients", Likelihood.Impossible)] // 32.00 %
    [InlineData("sme-recruit-medical-checks", Likelihood.Impossible)] // nothing done yet
    [InlineData("volunteer-training-deadline", Likelihood.Certain)] // 9月底前 is still ahead on 31 July
    [InlineData("sme-medical-check-deadline", Likelihood.Impossible)] // the preparer expects 未完成
    [InlineData("talent-strategy", Likelihood.Certain)] // graded achieved
    public void Each_indicator_gets_the_likelihood_class_of_the_monitoring_form(string id, Likelihood expected)
    {
        Row(id).Likelihood.Should().Be(expected);
    }

    [Fact]
    public void Budget_execution_more_than_ten_points_behind_the_time_elapsed_is_flagged()
    {
        _point.Budget.ExecutionRate.Should().Be(Figures.Percent(1712.45m / 3877.67m));
        _point.Budget.BehindSchedule.Should().BeTrue();
        var finding = _point.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.BudgetBehindSchedule).Which;
        finding.Path.Should().Be("$.budget.spent");
        finding.Location!.Line.Should().BeGreaterThan(1);
    }

    [Fact]
    public void The_seed_point_gives_a_reason_in_a_fixed_category_for_every_indicator_at_risk()
    {
        _point.Indicators.Where(i => i.NeedsReason).Should().OnlyContain(i => i.Reason != null && PerformanceMonitor.ReasonCategories.Contains(i.ReasonCategory!));
        _point.Findings.Select(f => f.Code).Should().NotContain([DiagnosticCodes.MonitoringReasonMissing, DiagnosticCodes.MonitoringReasonCategory]);
        _point.HasErrors.Should().BeFalse();
    }

    [Fact]
    public void An_indicator_at_risk_without_a_reason_or_with_a_category_outside_the_form_is_flagged_at_its_entry()
    {
        var set = Set("""{ "id": "a", "name": "人数", "level2": "quantity", "target": "≥100", "unit": "人" }, { "id": "b", "name": "户数", "level2": "quantity", "target": "≥100", "unit": "户" }""");
        var point = Point("""
            "asOf": "2024-06-30",
            "indicators": {
              "a": 10,
              "b": { "actual": 10, "reason": "进度滞后", "measures": "加快进度", "reasonCategory": "management" }
            }
            """);

        var report = PerformanceMonitor.Assess(set, point, English);

        report.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.MonitoringReasonMissing).Which.Path.Should().Be("$.indicators.a");
        var category = report.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.MonitoringReasonCategory).Which;
        category.Path.Should().Be("$.indicators.b.reasonCategory");
        category.Location!.Line.Should().Be(4);
        MonitoringTable.From(report).Rows[1][9].Should().Be("其他", "the form has five fixed categories");
    }

    [Fact]
    public void The_preparers_expected_year_end_value_replaces_the_projection()
    {
        var set = Set("""{ "id": "a", "name": "人数", "level2": "quantity", "target": "≥100", "unit": "人" }""");

        var report = PerformanceMonitor.Assess(set, Point("""  "asOf": "2024-06-30", "indicators": { "a": { "actual": 10, "projected": 100 } }  """), English);

        report.Indicators[0].Projection.Should().Be(ProjectionMethod.Stated);
        report.Indicators[0].Projected.Should().Be(100);
        report.Indicators[0].Likelihood.Should().Be(Likelihood.Certain);
    }

    [Fact]
    public void A_deadline_passed_and_not_met_is_impossible()
    {
        var set = Set("""{ "id": "d", "name": "培训完成时间", "level2": "timeliness", "target": "9月底前" }""");

        var report = PerformanceMonitor.Assess(set, Point("""  "asOf": "2024-10-31", "indicators": { "d": "未完成" }  """), English);

        report.Indicators[0].Likelihood.Should().Be(Likelihood.Impossible);
    }

    [Fact]
    public void Actuals_without_an_as_of_date_or_with_one_in_another_year_are_errors()
    {
        var set = Set("""{ "id": "a", "name": "人数", "level2": "quantity", "target": "≥100", "unit": "人" }""");

        PerformanceMonitor.Assess(set, Point("""  "indicators": { "a": 10 }  """), English).Findings.Should().Contain(f => f.Code == DiagnosticCodes.AsOfMissing && f.Severity == DiagnosticSeverity.Error);
        var other = PerformanceMonitor.Assess(set, Point("""  "asOf": "2025-03-31", "indicators": { "a": 10 }  """), English);
        other.HasErrors.Should().BeTrue();
        other.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.AsOfOutsideYear).Which.Location!.Line.Should().Be(1);
    }

    [Fact]
    public void An_as_of_date_that_is_not_a_date_is_refused_when_read_with_its_location()
    {
        var read = PerfEvalJson.ReadActuals("""
            {
              "indicatorSet": "s",
              "asOf": "2025-07",
              "indicators": {}
            }
            """, "point.json");

        read.Succeeded.Should().BeFalse();
        read.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.InvalidValue).Which.Location!.Line.Should().Be(3);
    }

    [Fact]
    public void The_year_end_shows_how_each_indicator_moved_since_the_last_point_with_the_reasons_given_then()
    {
        var moves = YearHistory.Compare(_point, _seed.Result);

        var jobs = moves.Single(m => m.Id == "new-urban-jobs");
        jobs.Change.Should().Be(405 - 236);
        jobs.LikelihoodThen.Should().Be(Likelihood.Certain);
        var hardship = moves.Single(m => m.Id == "hardship-employment");
        hardship.ReasonThen.Should().Be(Row("hardship-employment").Reason);
        hardship.Status.Should().Be(IndicatorStatus.PartiallyMet);
        moves.Single(m => m.Id == "sme-recruit-medical-checks").Surprise.Should().BeFalse("impossible then, not met at the year end");
    }

    [Fact]
    public void The_monitoring_table_is_written_as_markdown_csv_html_and_json()
    {
        var table = MonitoringTable.From(_point);

        var md = MonitoringTableWriters.ToMarkdown(table);
        md.Should().Contain("完成目标可能性").And.Contain("| 完全不可能 |").And.Contain("时间进度 58.08%");
        var csv = MonitoringTableWriters.ToCsv(table);
        csv.Split("\r\n").Should().Contain(l => l.StartsWith("一级指标,二级指标,三级指标", StringComparison.Ordinal));
        var html = MonitoringTableWriters.ToHtml(MonitoringTable.From(_point with { Name = "<b>x</b>" }, chinese: false));
        html.Should().Contain("&lt;b&gt;x&lt;/b&gt;").And.NotContain("<b>x</b>").And.Contain("Likelihood");
        using var json = JsonDocument.Parse(MonitoringTableWriters.ToJson(_point));
        var first = json.RootElement.GetProperty("indicators")[0];
        first.GetProperty("likelihood").GetString().Should().Be("certain");
        first.GetProperty("projection").GetString().Should().Be("linear");
        json.RootElement.GetProperty("budget").GetProperty("behindSchedule").GetBoolean().Should().BeTrue();
    }
}
