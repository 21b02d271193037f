using System.Globalization;
using FluentAssertions;
using PerfEval.Audit;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Loading;

namespace PerfEval.Tests.Audit;

/// <summary>
/// What the audit says about each stated figure: the comparison's texts, the findings' arguments, the grade, the
/// conclusion and the shares forced to 100 %, in English so that the labels can be read. The set below: sources
/// 600 + 400, three expenditures of 1 each; 培训人数 343 of 400 (weight 40, 34.3 points), 覆盖人数 120 of 100 (10),
/// 服务质量 graded partial (30 × 0.6 = 18), 满意度 95 % of ≥ 90 % (10); budget 3 of 1000 (0.03): total 72.33, 中.
/// </summary>
public sealed class AuditFigureTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private const string Set = """
        { "id": "s", "name": "测试项目", "year": 2025,
          "budget": { "sources": [ { "id": "a", "name": "中央资金" }, { "id": "b", "name": "本级资金" } ],
                      "expenditures": [ { "id": "x", "name": "甲" }, { "id": "y", "name": "乙" }, { "id": "z", "name": "丙" } ] },
          "indicators": [
            { "id": "n", "name": "培训人数", "level2": "quantity", "target": "400", "unit": "人", "weight": 40 },
            { "id": "m", "name": "覆盖人数", "level2": "quantity", "target": "100", "unit": "人", "weight": 10 },
            { "id": "q", "name": "服务质量", "level2": "social", "target": "明显提升", "weight": 30 },
            { "id": "s", "name": "满意度", "level2": "satisfaction", "target": "≥90%", "weight": 10 } ] }
        """;

    private const string Indicators = """{ "n": 343, "m": 120, "q": { "actual": "有所提升", "grade": "partial" }, "s": "95%" }""";

    private const string Budget = """{ "sources": { "a": 600, "b": 400 }, "expenditures": { "x": 1, "y": 1, "z": 1 } }""";

    private static AuditResult AuditOf(string stated, string indicators = Indicators, string budget = Budget)
    {
        var set = PerfEvalJson.ReadIndicatorSet(Set, "indicators.json").GetValueOrThrow();
        var actuals = PerfEvalJson.ReadActuals(
            $$"""{ "indicatorSet": "s", "budget": {{budget}}, "indicators": {{indicators}}, "stated": {{stated}} }""", "actuals.json").GetValueOrThrow();
        return Auditor.Audit(new Evaluator().Evaluate(set, actuals), actuals, culture: English);
    }

    private static IReadOnlyList<Diagnostic> Audits(AuditResult audit, string code) => [.. audit.Findings.Where(f => f.Code == code)];

    [Fact]
    public void A_disagreeing_figure_names_the_figure_the_stated_value_the_recomputed_value_and_the_exact_value()
    {
        // 854.95 / 1000 = 85.495 %: 85.5 at one decimal, not the stated 85.4.
        var audit = AuditOf("""{ "executionRate": 85.4 }""", budget: """{ "available": 1000, "spent": 854.95 }""");

        audit.Comparisons.Should().ContainSingle().Which.Should().Be(new StatedComparison
        {
            Path = "$.stated.executionRate", Label = "execution rate", Stated = "85.4", Recomputed = "85.5", Exact = "85.495", Agrees = false,
        });
        var finding = Audits(audit, DiagnosticCodes.StatedFigureDisagrees).Should().ContainSingle().Subject;
        finding.Severity.Should().Be(DiagnosticSeverity.Error);
        finding.Path.Should().Be("$.stated.executionRate");
        finding.Arguments.Should().Contain(new Dictionary<string, string>
        {
            ["figure"] = "execution rate", ["stated"] = "85.4", ["recomputed"] = "85.5", ["exact"] = "85.495",
        });
        finding.Message.Should().Be("execution rate: the report states 85.4, recomputed 85.5 (85.495 before rounding).");
    }

    [Fact]
    public void An_exact_value_is_shown_to_six_decimals_at_most_with_an_ellipsis_where_more_were_cut()
    {
        // Each expenditure is 1 / 3 of the spending: 33.333333… %; 343 / 400 is exactly 85.75 %.
        var audit = AuditOf("""{ "expenditureShares": { "x": 33.33 }, "completionRates": { "n": 85.75 } }""");

        audit.Comparisons.Select(c => (c.Path, c.Label, c.Recomputed, c.Exact, c.Agrees)).Should().Equal(
            ("$.stated.expenditureShares.x", "甲 share of spending", "33.33", "33.333333…", true),
            ("$.stated.completionRates.n", "培训人数 completion rate", "85.75", "85.75", true));
    }

    [Fact]
    public void A_figure_stated_with_more_than_four_decimals_is_compared_at_four()
    {
        // 854.96 / 1000 = 85.496 %: 85.49601 is 85.4960 at four decimals, which agrees; at five it would not.
        var audit = AuditOf("""{ "executionRate": 85.49601 }""", budget: """{ "available": 1000, "spent": 854.96 }""");

        audit.Comparisons.Should().ContainSingle().Which.Agrees.Should().BeTrue();
        audit.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.StatedFigureDisagrees);
    }

    [Fact]
    public void A_stated_rate_that_cannot_be_recomputed_disagrees_and_shows_dashes()
    {
        // Nothing was available: there is no execution rate to compare the stated 0 with.
        var audit = AuditOf("""{ "executionRate": 0 }""", budget: """{ "available": 0, "spent": 0 }""");

        audit.Comparisons.Should().ContainSingle().Which.Should().Match<StatedComparison>(c => !c.Agrees && c.Recomputed == "—" && c.Exact == "—");
        Audits(audit, DiagnosticCodes.StatedFigureDisagrees).Should().ContainSingle().Which.Arguments.Should().Contain(
            new Dictionary<string, string> { ["stated"] = "0", ["recomputed"] = "—", ["exact"] = "—" });
    }

    [Fact]
    public void A_stated_execution_rate_is_compared_with_spending_over_the_available_budget()
    {
        // 3 of 1000 spent: 0.3 %.
        AuditOf("""{ "executionRate": 0.3 }""").Comparisons.Should().ContainSingle().Which.Should().Match<StatedComparison>(c => c.Agrees && c.Exact == "0.3");
    }

    [Theory]
    [InlineData("中")]
    [InlineData("fair")]
    [InlineData("FAIR")]
    [InlineData("Fair")]
    [InlineData(" 中 ")]
    [InlineData(" Fair ")]
    public void A_stated_grade_agrees_as_its_label_its_code_or_its_english_label(string grade)
    {
        var audit = AuditOf($$"""{ "grade": "{{grade}}" }""");

        audit.Evaluation.TotalScore.Should().Be(72.33m);
        audit.Comparisons.Should().ContainSingle().Which.Should().Be(new StatedComparison
        {
            Path = "$.stated.grade", Label = "grade", Stated = grade, Recomputed = "中", Exact = "中", Agrees = true,
        });
        audit.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.StatedFigureDisagrees);
    }

    [Theory]
    [InlineData("良")]
    [InlineData("good")]
    [InlineData("Good")]
    public void A_stated_grade_other_than_the_recomputed_one_is_an_error_that_gives_the_total(string grade)
    {
        var audit = AuditOf($$"""{ "grade": "{{grade}}" }""");

        audit.Comparisons.Should().ContainSingle().Which.Agrees.Should().BeFalse();
        var finding = Audits(audit, DiagnosticCodes.StatedFigureDisagrees).Should().ContainSingle().Subject;
        finding.Path.Should().Be("$.stated.grade");
        finding.Severity.Should().Be(DiagnosticSeverity.Error);
        finding.Arguments.Should().Contain(new Dictionary<string, string> { ["figure"] = "grade", ["stated"] = grade, ["recomputed"] = "中", ["exact"] = "72.33" });
    }

    [Fact]
    public void A_conclusion_that_contradicts_the_indicators_names_the_unmet_ones_and_counts_them()
    {
        // 培训人数 (343 of 400) and 服务质量 (partial) were not fully met.
        var audit = AuditOf("""{ "conclusion": "各项绩效指标均按要求完成" }""");

        var finding = Audits(audit, DiagnosticCodes.ConclusionContradicts).Should().ContainSingle().Subject;
        finding.Path.Should().Be("$.stated.conclusion");
        finding.Severity.Should().Be(DiagnosticSeverity.Error);
        finding.Arguments.Should().Contain(new Dictionary<string, string> { ["conclusion"] = "各项绩效指标均按要求完成", ["count"] = "2", ["names"] = "培训人数, 服务质量" });
    }

    [Fact]
    public void An_indicator_not_met_or_without_an_actual_counts_against_a_conclusion_of_full_completion()
    {
        // 培训人数 0 of 400 (not met), 覆盖人数 missing, 服务质量 partial; 满意度 met.
        var audit = AuditOf("""{ "conclusion": "各项绩效指标均按要求完成" }""", """{ "n": 0, "q": { "actual": "有所提升", "grade": "partial" }, "s": "95%" }""");

        Audits(audit, DiagnosticCodes.ConclusionContradicts).Should().ContainSingle().Which.Arguments.Should().Contain(
            new Dictionary<string, string> { ["count"] = "3", ["names"] = "培训人数, 覆盖人数, 服务质量" });
    }

    [Fact]
    public void A_long_conclusion_is_quoted_to_its_first_60_characters()
    {
        var sixty = new string('甲', 48) + "各项绩效指标均按要求完成";
        var audit = AuditOf($$"""{ "conclusion": "{{sixty}}。资金使用规范" }""");
        var exactly = AuditOf($$"""{ "conclusion": "{{sixty}}" }""");

        sixty.Should().HaveLength(60);
        Audits(audit, DiagnosticCodes.ConclusionContradicts).Should().ContainSingle().Which.Arguments["conclusion"].Should().Be(sixty + "…");
        Audits(exactly, DiagnosticCodes.ConclusionContradicts).Should().ContainSingle().Which.Arguments["conclusion"].Should().Be(sixty);
    }

    [Fact]
    public void Shares_forced_to_100_percent_name_the_lines_the_report_adjusted()
    {
        var audit = AuditOf("""{ "expenditureShares": { "x": 33.33, "y": 33.33, "z": 33.34 } }""");

        var finding = Audits(audit, DiagnosticCodes.SharesForced).Should().ContainSingle().Subject;
        finding.Path.Should().Be("$.stated.expenditureShares");
        finding.Severity.Should().Be(DiagnosticSeverity.Warning);
        finding.Arguments.Should().Contain(new Dictionary<string, string>
        {
            ["what"] = "spending shares", ["sum"] = "100.00%", ["recomputed"] = "99.99%", ["adjusted"] = "丙 (33.34% / 33.33%)",
        });
        Audits(audit, DiagnosticCodes.StatedFigureDisagrees).Should().ContainSingle().Which.Path.Should().Be("$.stated.expenditureShares.z");
    }

    [Theory]
    [InlineData("""{ "x": 33.33, "y": 66.67 }""")]
    [InlineData("""{ "x": 33.33, "y": 33.33, "z": 33.35 }""")]
    [InlineData("""{ "x": 33.33, "y": 33.33, "z": 33.33 }""")]
    public void Shares_are_not_said_to_be_forced_unless_every_line_is_stated_and_they_add_up_to_exactly_100(string shares)
    {
        var audit = AuditOf($$"""{ "expenditureShares": {{shares}} }""");

        audit.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.SharesForced);
    }

    [Fact]
    public void Source_shares_that_add_up_to_100_as_the_recomputed_ones_do_are_not_said_to_be_forced()
    {
        // 600 and 400 of 1000: exactly 60 % and 40 %; the report's 60.5 and 39.5 are wrong, but nothing was forced.
        var audit = AuditOf("""{ "sourceShares": { "a": 60.5, "b": 39.5 } }""");

        audit.Comparisons.Select(c => (c.Path, c.Label, c.Recomputed, c.Agrees)).Should().Equal(
            ("$.stated.sourceShares.a", "中央资金 share of funds", "60.0", false),
            ("$.stated.sourceShares.b", "本级资金 share of funds", "40.0", false));
        audit.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.SharesForced);
    }

    [Fact]
    public void A_stated_share_of_a_line_the_set_does_not_have_is_PE4008()
    {
        var audit = AuditOf("""{ "sourceShares": { "c": 10, "a": 60 } }""");

        audit.Comparisons.Should().ContainSingle().Which.Path.Should().Be("$.stated.sourceShares.a");
        Audits(audit, DiagnosticCodes.StatedUnknownItem).Should().ContainSingle().Which.Should().Match<Diagnostic>(f =>
            f.Path == "$.stated.sourceShares.c" && f.Arguments["id"] == "c" && f.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Each_total_is_checked_against_every_detail_that_adds_up_to_something_else_once_per_sum()
    {
        // The expenditures add up to 3, and so do the stated source rows' spending (1 + 2): one finding for 3, not two.
        var audit = AuditOf(
            """{ "spent": 4, "sources": { "a": { "spent": 1 }, "b": { "spent": 2 } } }""",
            budget: """{ "sources": { "a": 600, "b": 400 }, "expenditures": { "x": 1, "y": 1, "z": 1 } }""");

        var totals = Audits(audit, DiagnosticCodes.TotalContradictsDetail);
        totals.Should().ContainSingle().Which.Arguments.Should().Contain(new Dictionary<string, string> { ["figure"] = "spending", ["stated"] = "4", ["sum"] = "3" });
        totals[0].Path.Should().Be("$.stated.spent");
    }

    [Fact]
    public void A_total_is_checked_against_the_stated_source_rows_only_when_they_cover_every_source()
    {
        // The stated rows give 500 + 400 = 900 of the 1000 available: one of the findings.
        var all = AuditOf("""{ "available": 1000, "sources": { "a": { "available": 500 }, "b": { "available": 400 } } }""");
        var one = AuditOf("""{ "available": 1000, "sources": { "a": { "available": 500 } } }""");

        Audits(all, DiagnosticCodes.TotalContradictsDetail).Should().ContainSingle().Which.Arguments.Should().Contain(
            new Dictionary<string, string> { ["figure"] = "available budget", ["stated"] = "1000", ["sum"] = "900" });
        Audits(one, DiagnosticCodes.TotalContradictsDetail).Should().BeEmpty();
    }

    [Fact]
    public void A_stated_total_that_adds_up_agrees()
    {
        var audit = AuditOf("""{ "initial": 0, "available": 1000, "spent": 3 }""", budget: """{ "sources": { "a": 600, "b": 400 }, "expenditures": { "x": 1, "y": 1, "z": 1 }, "initial": 0 }""");

        audit.Comparisons.Select(c => (c.Path, c.Label, c.Agrees)).Should().Equal(
            ("$.stated.initial", "initial budget", true), ("$.stated.available", "available budget", true), ("$.stated.spent", "spending", true));
        audit.Findings.Should().NotContain(f => f.Code.StartsWith("PE4", StringComparison.Ordinal));
    }

    [Fact]
    public void Stated_source_rows_are_compared_row_by_row_in_the_sets_order_with_unknown_rows_last()
    {
        // Source a: 600 available, 300 spent (50 %); b: 400 available, nothing spent given.
        var audit = AuditOf(
            """{ "sources": { "zz": { "available": 1 }, "b": { "available": 400 }, "a": { "initial": 500, "available": 600, "spent": 300, "executionRate": 50 } } }""",
            budget: """{ "available": 1000, "spent": 3, "sources": { "a": { "initial": 500, "available": 600, "spent": 300 }, "b": 400 }, "expenditures": { "x": 1, "y": 1, "z": 1 } }""");

        audit.Comparisons.Select(c => (c.Path, c.Label, c.Agrees)).Should().Equal(
            ("$.stated.sources.a.initial", "中央资金 initial budget", true),
            ("$.stated.sources.a.available", "中央资金 full-year budget", true),
            ("$.stated.sources.a.spent", "中央资金 spending", true),
            ("$.stated.sources.a.executionRate", "中央资金 execution rate", true),
            ("$.stated.sources.b.available", "本级资金 full-year budget", true));
        Audits(audit, DiagnosticCodes.StatedUnknownItem).Should().ContainSingle().Which.Path.Should().Be("$.stated.sources.zz");
    }

    [Fact]
    public async Task Null_arguments_are_refused_by_name()
    {
        var audit = AuditOf("{}");
        var actuals = PerfEvalJson.ReadActuals("""{ "indicatorSet": "s", "budget": { "available": 1, "spent": 1 }, "indicators": {} }""", "actuals.json").GetValueOrThrow();

        FluentActions.Invoking(() => Auditor.Audit(null!, actuals)).Should().Throw<ArgumentNullException>().WithParameterName("evaluation");
        FluentActions.Invoking(() => Auditor.Audit(audit.Evaluation, null!)).Should().Throw<ArgumentNullException>().WithParameterName("actuals");
        FluentActions.Invoking(() => AuditJson.ToJson(null!)).Should().Throw<ArgumentNullException>().WithParameterName("audit");
        (await FluentActions.Awaiting(() => AuditJson.WriteAsync(null!, Stream.Null)).Should().ThrowAsync<ArgumentNullException>()).WithParameterName("audit");
        (await FluentActions.Awaiting(() => AuditJson.WriteAsync(audit, null!)).Should().ThrowAsync<ArgumentNullException>()).WithParameterName("utf8Json");
        FluentActions.Invoking(() => ConclusionClaims.Default.Claims(null!)).Should().Throw<ArgumentNullException>().WithParameterName("conclusion");
        FluentActions.Invoking(() => ConclusionClaims.Default.WithPhrases(null!)).Should().Throw<ArgumentNullException>().WithParameterName("phrases");
    }

    [Fact]
    public async Task The_audit_json_is_indented_keeps_chinese_text_readable_and_is_written_to_a_stream_as_it_is_to_a_string()
    {
        var audit = AuditOf("""{ "grade": "良" }""");
        using var stream = new MemoryStream();

        await AuditJson.WriteAsync(audit, stream);

        var json = AuditJson.ToJson(audit);
        json.Should().StartWith("{\n  \"indicatorSet\": \"s\",\n  \"name\": \"测试项目\"").And.Contain("\"stated\": \"良\"");
        stream.ToArray().Should().Equal(System.Text.Encoding.UTF8.GetBytes(json));
    }

    [Fact]
    public void A_stated_budget_score_and_total_score_are_compared_with_the_recomputed_ones()
    {
        var audit = AuditOf("""{ "budgetScore": 0.03, "totalScore": 72 }""");

        audit.Comparisons.Select(c => (c.Path, c.Label, c.Recomputed, c.Agrees)).Should().Equal(
            ("$.stated.budgetScore", "budget score", "0.03", true),
            ("$.stated.totalScore", "total score", "72", true));
    }

    [Fact]
    public void A_stated_budget_score_above_its_weight_names_the_figure_the_stated_score_and_the_weight()
    {
        var finding = AuditOf("""{ "budgetScore": 10.5 }""").Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.ScoreAboveWeight).Subject;

        finding.Arguments.Should().Contain(new Dictionary<string, string> { ["name"] = "budget score", ["stated"] = "10.5", ["weight"] = "10" });
        finding.Location.Should().NotBeNull();
    }

    [Fact]
    public void The_findings_on_the_grade_and_the_conclusion_point_at_their_lines()
    {
        var audit = AuditOf("""{ "grade": "良", "conclusion": "各项绩效指标均按要求完成" }""");

        audit.Findings.Where(f => f.Path is "$.stated.grade" or "$.stated.conclusion").Should().HaveCount(2).And.OnlyContain(f => f.Location != null);
    }

    [Fact]
    public void An_unknown_item_is_named_in_its_finding_wherever_it_is_stated()
    {
        var audit = AuditOf("""{ "completionRates": { "c1": 1 }, "scores": { "s1": 1 }, "level1Scores": { "cost": 1 }, "sources": { "r1": { "available": 1 } } }""");

        audit.Findings.Where(f => f.Code == DiagnosticCodes.StatedUnknownItem).Select(f => (f.Path, f.Arguments["id"])).Should().BeEquivalentTo(
        [
            ("$.stated.completionRates.c1", "c1"), ("$.stated.scores.s1", "s1"), ("$.stated.level1Scores.cost", "cost"), ("$.stated.sources.r1", "r1"),
        ]);
    }

    [Fact]
    public void Stated_subtotals_are_labelled_with_their_groups_and_compared_in_the_order_of_the_groups()
    {
        var audit = AuditOf("""{ "level1Scores": { "satisfaction": 10, "output": 44.3 }, "level2Scores": { "satisfaction": 10, "social": 18 } }""");

        audit.Comparisons.Select(c => (c.Path, c.Label, c.Agrees)).Should().Equal(
            ("$.stated.level1Scores.output", "Output score", true),
            ("$.stated.level1Scores.satisfaction", "Satisfaction score", true),
            ("$.stated.level2Scores.social", "Social benefit score", true),
            ("$.stated.level2Scores.satisfaction", "Service-recipient satisfaction score", true));
    }

    [Fact]
    public void Stated_rows_for_unknown_sources_are_reported_in_the_order_of_their_ids()
    {
        var audit = AuditOf("""{ "sources": { "zz": { "available": 1 }, "aa": { "available": 1 } } }""");

        audit.Findings.Where(f => f.Code == DiagnosticCodes.StatedUnknownItem).Select(f => f.Path).Should().Equal("$.stated.sources.aa", "$.stated.sources.zz");
    }

    [Fact]
    public void A_stated_rate_of_a_source_with_nothing_available_cannot_be_recomputed()
    {
        var audit = AuditOf(
            """{ "sources": { "b": { "executionRate": 0 } } }""",
            budget: """{ "available": 100, "spent": 3, "sources": { "a": { "available": 100, "spent": 3 }, "b": { "available": 0, "spent": 0 } }, "expenditures": { "x": 1, "y": 1, "z": 1 } }""");

        audit.Comparisons.Should().ContainSingle().Which.Should().Match<StatedComparison>(c => c.Path == "$.stated.sources.b.executionRate" && !c.Agrees && c.Recomputed == "—");
    }

    [Fact]
    public void A_stated_share_of_nothing_spent_cannot_be_recomputed()
    {
        var audit = AuditOf("""{ "expenditureShares": { "x": 0 } }""", budget: """{ "sources": { "a": 600, "b": 400 }, "expenditures": { "x": 0, "y": 0, "z": 0 } }""");

        audit.Comparisons.Should().ContainSingle().Which.Should().Match<StatedComparison>(c => !c.Agrees && c.Recomputed == "—" && c.Exact == "—");
        audit.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.SharesForced);
    }

    [Fact]
    public void Source_shares_forced_to_100_percent_are_reported_as_source_shares()
    {
        // 12.345 and 87.655 of 100 round to 12.35 and 87.66, 100.01 in all; a report printing 12.34 and 87.66 forced the sum.
        const string budget = """{ "sources": { "a": 12.345, "b": 87.655 }, "expenditures": { "x": 1, "y": 1, "z": 1 } }""";

        var forced = AuditOf("""{ "sourceShares": { "a": 12.34, "b": 87.66 } }""", budget: budget);
        var exact = AuditOf("""{ "sourceShares": { "a": 12.345, "b": 87.655 } }""", budget: budget);

        forced.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.SharesForced).Which.Should().Match<Diagnostic>(f =>
            f.Path == "$.stated.sourceShares" && f.Arguments["what"] == "source shares" && f.Arguments["recomputed"] == "100.01%" && f.Arguments["adjusted"] == "中央资金 (12.34% / 12.35%)");
        exact.Comparisons.Should().OnlyContain(c => c.Agrees).And.HaveCount(2);
        exact.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.SharesForced, "the stated shares are right to three decimals, however their sum came out");
    }
}
