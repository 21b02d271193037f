using System.Globalization;
using FluentAssertions;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Loading;
using PerfEval.TargetReview;
using PerfEval.Tests.Golden;

namespace PerfEval.Tests.TargetReview;

public sealed class TargetReviewTests : IClassFixture<SeedExample>
{
    private static readonly Evaluator English = new(new PerfEvalOptions { Culture = CultureInfo.GetCultureInfo("en") });

    private readonly SeedExample _seed;

    public TargetReviewTests(SeedExample seed) => _seed = seed;

    private static IndicatorSet Set(string indicators) =>
        PerfEvalJson.ReadIndicatorSet($$"""{ "id": "s", "name": "n", "year": 2025, "indicators": [ {{indicators}} ] }""", "indicators.json").GetValueOrThrow();

    private const string Complete = """
        { "id": "q", "name": "培训人数", "level2": "quantity", "target": "≥100", "unit": "人", "weight": 20 },
        { "id": "r", "name": "合格率", "level2": "quality", "target": "≥95%", "weight": 10 },
        { "id": "t", "name": "完成时间", "level2": "timeliness", "target": "12月底前", "weight": 10 },
        { "id": "c", "name": "人均成本", "level2": "cost", "target": "≤300", "unit": "元/人", "weight": 10 },
        { "id": "b", "name": "就业人数", "level2": "social", "target": "≥50", "unit": "人", "weight": 30 },
        { "id": "s", "name": "满意度", "level2": "satisfaction", "target": "≥90%", "weight": 10 }
        """;

    private static TargetReviewResult Review(IndicatorSet set, string? type = null, Actuals.ProgrammeActuals? previous = null) =>
        TargetReviewer.Review(set, new TargetReviewOptions { Evaluator = English, ProgrammeType = type, PreviousYear = previous });

    [Fact]
    public void A_set_with_every_required_kind_quantified_with_units_and_fitting_comparisons_has_no_findings()
    {
        Review(Set(Complete)).Findings.Should().BeEmpty();
    }

    [Fact]
    public void A_service_programme_without_a_satisfaction_indicator_is_refused_but_one_without_recipients_is_not()
    {
        var set = Set(Complete.Replace("""{ "id": "s", "name": "满意度", "level2": "satisfaction", "target": "≥90%", "weight": 10 }""", """{ "id": "s2", "name": "带动人数", "level2": "economic", "target": "≥10", "unit": "人", "weight": 10 }""", StringComparison.Ordinal));

        var service = Review(set);
        service.HasErrors.Should().BeTrue();
        service.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.RequiredKindMissing)
            .Which.Message.Should().Contain("Service-recipient satisfaction");

        Review(set, "noRecipients").Findings.Where(f => f.Code == DiagnosticCodes.RequiredKindMissing).Should().BeEmpty();
    }

    [Fact]
    public void A_cost_that_is_a_floor_and_a_satisfaction_rate_that_is_a_cap_are_not_meaningful_comparisons()
    {
        var set = Set(Complete.Replace("\"≤300\"", "\"≥300\"", StringComparison.Ordinal).Replace("\"≥90%\"", "\"≤90%\"", StringComparison.Ordinal));

        var findings = Review(set).Findings.Where(f => f.Code == DiagnosticCodes.ComparisonNotMeaningful).ToList();

        findings.Select(f => f.Path).Should().BeEquivalentTo("$.indicators[3].target", "$.indicators[5].target");
        findings.Should().OnlyContain(f => f.Location != null && f.Location.Line > 0);
    }

    [Fact]
    public void A_quantity_with_a_worded_target_and_a_number_without_a_unit_are_flagged_where_they_stand()
    {
        var set = Set(Complete.Replace("\"≥100\", \"unit\": \"人\"", "\"明显增加\"", StringComparison.Ordinal).Replace("\"≥50\", \"unit\": \"人\"", "\"≥50\"", StringComparison.Ordinal));

        var findings = Review(set).Findings;

        findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.TargetNotQuantified).Which.Path.Should().Be("$.indicators[0].target");
        findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.UnitMissing).Which.Path.Should().Be("$.indicators[4].target");
    }

    [Fact]
    public void A_target_easier_than_last_years_actual_is_flagged_in_both_directions()
    {
        var previous = PerfEvalJson.ReadActuals("""{ "indicatorSet": "s-2024", "year": 2024, "indicators": { "q": 120, "c": 250, "b": 40 } }""").GetValueOrThrow();

        var findings = Review(Set(Complete), previous: previous).Findings.Where(f => f.Code == DiagnosticCodes.TargetBelowPreviousActual).ToList();

        // ≥100 against 120 reached, ≤300 against 250 spent: both ask for less than was done; ≥50 against 40 does not.
        findings.Select(f => f.Path).Should().BeEquivalentTo("$.indicators[0].target", "$.indicators[3].target");
        findings[0].Message.Should().Contain("120");
    }

    [Fact]
    public void Weights_that_do_not_fit_the_policy_are_reported_from_the_evaluators_own_checks()
    {
        var set = Set(Complete.Replace("\"weight\": 20", "\"weight\": 45", StringComparison.Ordinal));

        Review(set).Findings.Select(f => f.Code).Should().Contain([DiagnosticCodes.WeightsDoNotAddUp, DiagnosticCodes.WeightsExceedTotal]);
        Review(Set(Complete)).Findings.Select(f => f.Code).Should().NotContain(DiagnosticCodes.WeightsDoNotAddUp);
    }

    [Fact]
    public void A_programme_type_the_checklist_lacks_is_an_error_naming_the_known_ones()
    {
        var review = Review(Set(Complete), "school");

        review.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.UnknownProgrammeType).Which.Message.Should().Contain("service").And.Contain("noRecipients");
        review.ProgrammeType.Should().BeNull();
    }

    [Fact]
    public void A_province_checklist_replaces_the_built_in_one_and_can_turn_checks_off()
    {
        var list = TargetChecklist.Read("""
            {
              "id": "province",
              "levelTree": "2021",
              "programmeTypes": [ { "id": "any", "requires": [ { "level1": "效益指标" } ] } ],
              "units": { "severity": "off" },
              "levels": { "severity": "error" }
            }
            """, "province.json").GetValueOrThrow();
        var set = Set(Complete.Replace("\"≥50\", \"unit\": \"人\"", "\"≥50\"", StringComparison.Ordinal));

        var review = TargetReviewer.Review(set, new TargetReviewOptions { Checklist = list, Evaluator = English });

        review.Checklist.Should().Be("province");
        review.Findings.Select(f => f.Code).Should().NotContain(DiagnosticCodes.UnitMissing);
        review.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.LevelOutsideChecklistTree)
            .Which.Severity.Should().Be(DiagnosticSeverity.Error, "the 2021 tree has cost as its own level 1");
    }

    [Fact]
    public void A_checklist_with_a_typo_or_an_unknown_level_is_refused_with_line_and_column()
    {
        var read = TargetChecklist.Read("""
            {
              "id": "x",
              "programmeTypes": [ { "id": "t", "requires": [ { "level2": [ "quantiti" ] } ] } ],
              "unit": { "severity": "warning" }
            }
            """, "bad.json");

        read.Succeeded.Should().BeFalse();
        read.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.UnknownProperty && d.Location!.Line == 4);
        read.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.InvalidValue && d.Location!.Line == 3);
    }

    [Fact]
    public void The_built_in_checklist_is_the_file_under_rules_and_names_its_sources()
    {
        var file = TargetChecklist.ReadFile(Path.Combine(SeedExample.RepositoryRoot(), "rules", "checklists", "target-review.json")).GetValueOrThrow();

        TargetChecklist.Default.Id.Should().Be(file.Id);
        TargetChecklist.Default.ProgrammeTypes.Select(t => t.Id).Should().Equal(file.ProgrammeTypes.Select(t => t.Id));
        TargetChecklist.Default.Sources.Should().Contain(s => s.Contains("财预〔2020〕10号", StringComparison.Ordinal));
    }

    [Fact]
    public void The_seed_set_meets_the_required_kinds_and_its_worded_cost_standards_are_flagged()
    {
        var review = Review(_seed.Load.Value!.IndicatorSet);

        review.HasErrors.Should().BeFalse();
        review.Findings.Where(f => f.Code == DiagnosticCodes.TargetNotQuantified).Select(f => f.Path)
            .Should().Contain(["$.indicators[20].target", "$.indicators[21].target"], "社保补贴550元/人/月，医保补贴215元/人/月 is two standards in words");
    }
}
