using System.Collections.Immutable;
using System.Globalization;
using FluentAssertions;
using PerfEval.Actuals;
using PerfEval.DependencyInjection;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using static PerfEval.Tests.Rules.RuleTestData;

namespace PerfEval.Tests.Rules;

/// <summary>The message templates of the findings: languages, fallbacks, overrides and re-rendering.</summary>
public sealed class MessageCatalogTests
{
    private const string PE2003En = "The indicator 'jobs' (新增就业人数) has no actual; it scores 0.";
    private const string PE2003Zh = "指标“jobs”（新增就业人数）没有实际完成值，得 0 分。";

    private static readonly ImmutableDictionary<string, string> Jobs =
        ImmutableDictionary.CreateRange([KeyValuePair.Create("id", "jobs"), KeyValuePair.Create("name", "新增就业人数")]);

    private static string Format(MessageCatalog catalog, string culture) =>
        catalog.Format(DiagnosticCodes.MissingActual, Jobs, CultureInfo.GetCultureInfo(culture));

    /// <summary>A set of one indicator ("jobs") and actuals that leave it out: the evaluation finds PE2003.</summary>
    private static EvaluationResult EvaluateWithoutActual(Evaluator evaluator)
    {
        var set = new IndicatorSet
        {
            Id = "messages",
            Name = "消息测试",
            Year = 2025,
            Indicators =
            [
                new IndicatorDefinition
                {
                    Id = "jobs",
                    Name = "新增就业人数",
                    Level1 = Level1.Output,
                    Level2 = Level2.Quantity,
                    Target = new Target { Comparison = Comparison.AtLeast, Value = 100m },
                    Weight = 90m,
                },
            ],
        };
        var actuals = new ProgrammeActuals { IndicatorSet = "messages", Budget = new BudgetActuals { Available = 100m, Spent = 100m }, Indicators = [] };
        return evaluator.Evaluate(set, actuals);
    }

    [Fact]
    public void The_default_catalogue_formats_a_code_in_chinese_and_english()
    {
        Format(MessageCatalog.Default, "zh").Should().Be(PE2003Zh);
        Format(MessageCatalog.Default, "en").Should().Be(PE2003En);
        Format(MessageCatalog.Default, "en-US").Should().Be(PE2003En);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("zh-Hans")]
    [InlineData("zh-Hant-TW")]
    [InlineData("zh-TW")]
    [InlineData("zh-HK")]
    public void A_chinese_culture_falls_back_to_zh(string culture)
    {
        Format(MessageCatalog.Default, culture).Should().Be(PE2003Zh);
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("de")]
    [InlineData("en-GB")]
    [InlineData("ja-JP")]
    public void Any_other_culture_falls_back_to_english(string culture)
    {
        Format(MessageCatalog.Default, culture).Should().Be(PE2003En);
    }

    [Fact]
    public void The_invariant_culture_gets_english()
    {
        MessageCatalog.Default.Format(DiagnosticCodes.MissingActual, Jobs, CultureInfo.InvariantCulture).Should().Be(PE2003En);
    }

    [Fact]
    public void An_unknown_code_formats_as_the_code_itself()
    {
        MessageCatalog.Default.Format("ZL999", Jobs, CultureInfo.GetCultureInfo("en")).Should().Be("ZL999");
        MessageCatalog.Default.Contains("ZL999").Should().BeFalse();
        MessageCatalog.Default.Contains(DiagnosticCodes.MissingActual).Should().BeTrue();
    }

    [Fact]
    public void WithTemplate_overrides_one_language_and_leaves_the_others_and_the_default_unchanged()
    {
        var catalog = MessageCatalog.Default.WithTemplate(DiagnosticCodes.MissingActual, "en", "No actual for {id} ({name}).");

        Format(catalog, "en-US").Should().Be("No actual for jobs (新增就业人数).");
        Format(catalog, "fr-FR").Should().Be("No actual for jobs (新增就业人数).", "other languages fall back to the English override");
        Format(catalog, "zh-CN").Should().Be(PE2003Zh);
        Format(MessageCatalog.Default, "en-US").Should().Be(PE2003En);
    }

    [Fact]
    public void WithTemplate_for_a_specific_tag_applies_to_that_tag_and_its_children_only()
    {
        // zh-Hant-TW → zh-Hant (the override) ; zh-CN → zh-Hans → zh (the default).
        var catalog = MessageCatalog.Default.WithTemplate(DiagnosticCodes.MissingActual, "zh-Hant", "指標「{id}」（{name}）沒有實際完成值。");

        Format(catalog, "zh-Hant-TW").Should().Be("指標「jobs」（新增就业人数）沒有實際完成值。");
        Format(catalog, "zh-CN").Should().Be(PE2003Zh);
        Format(catalog, "en").Should().Be(PE2003En);
    }

    [Fact]
    public void WithTemplate_accepts_a_language_tag_in_any_case()
    {
        var catalog = MessageCatalog.Default.WithTemplate(DiagnosticCodes.MissingActual, "EN", "x {id}");

        Format(catalog, "en-US").Should().Be("x jobs");
    }

    [Fact]
    public void WithTemplate_can_add_a_hosts_own_code()
    {
        var catalog = MessageCatalog.Default.WithTemplate("ZL001", "zh", "{name}数据不一致");

        catalog.Contains("ZL001").Should().BeTrue();
        catalog.Format("ZL001", Jobs, CultureInfo.GetCultureInfo("zh-CN")).Should().Be("新增就业人数数据不一致");
        MessageCatalog.Default.Contains("ZL001").Should().BeFalse();
    }

    [Fact]
    public void Render_rewrites_a_diagnostic_in_another_culture_from_its_arguments()
    {
        var finding = InCulture("en-US", () => EvaluateWithoutActual(new Evaluator())).Findings.Single(f => f.Code == DiagnosticCodes.MissingActual);

        finding.Message.Should().Be(PE2003En);
        finding.Arguments["id"].Should().Be("jobs");
        MessageCatalog.Default.Render(finding, CultureInfo.GetCultureInfo("zh-CN")).Should().Be(PE2003Zh);
        MessageCatalog.Default.WithTemplate(DiagnosticCodes.MissingActual, "en", "{name}: no actual").Render(finding, CultureInfo.GetCultureInfo("en"))
            .Should().Be("新增就业人数: no actual");
    }

    [Fact]
    public void Render_keeps_the_diagnostics_own_message_when_the_catalogue_has_no_template_for_its_code()
    {
        var diagnostic = new Diagnostic("ZL001", DiagnosticSeverity.Warning, "$.indicators.jobs", "自定义消息", null, Jobs);

        MessageCatalog.Default.Render(diagnostic, CultureInfo.GetCultureInfo("en")).Should().Be("自定义消息");
    }

    [Fact]
    public void An_evaluator_writes_its_findings_with_the_catalogue_of_its_options()
    {
        var catalog = MessageCatalog.Default.WithTemplate(DiagnosticCodes.MissingActual, "en", "Indicator {id} lacks an actual.");
        var evaluator = new Evaluator(new PerfEvalOptions { Messages = catalog });

        var en = InCulture("en-US", () => EvaluateWithoutActual(evaluator));
        var zh = InCulture("zh-CN", () => EvaluateWithoutActual(evaluator));
        var plain = InCulture("en-US", () => EvaluateWithoutActual(new Evaluator()));

        evaluator.MessageCatalog.Should().BeSameAs(catalog);
        en.Findings.Single(f => f.Code == DiagnosticCodes.MissingActual).Message.Should().Be("Indicator jobs lacks an actual.");
        zh.Findings.Single(f => f.Code == DiagnosticCodes.MissingActual).Message.Should().Be(PE2003Zh, "only the English template was overridden");
        plain.Findings.Single(f => f.Code == DiagnosticCodes.MissingActual).Message.Should().Be(PE2003En);
    }

    [Fact]
    public void A_consistency_rule_with_a_hosts_code_and_no_message_uses_the_catalogues_template_for_that_code()
    {
        // trainees: signedIn 180 ≥ actual 200 fails; ZL001 has a template in the host's catalogue.
        var catalog = MessageCatalog.Default.WithTemplate("ZL001", "en", "Rule {rule}: {signedIn} signed in, {actual} reported.");

        var r = InCulture("en-US", () => Evaluate(
            """
            "consistencyRules": [ { "id": "signed-in", "expression": "signedIn >= actual", "code": "ZL001" } ]
            """,
            options: new PerfEvalOptions { Messages = catalog }));

        r.Findings.Single(f => f.Code == "ZL001").Message.Should().Be("Rule signed-in: 180 signed in, 200 reported.");
    }
}
