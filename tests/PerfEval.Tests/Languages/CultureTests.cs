using System.Collections.Immutable;
using System.Globalization;
using FluentAssertions;
using PerfEval.Actuals;
using PerfEval.Audit;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Loading;
using PerfEval.Rules;
using PerfEval.Scoring;

namespace PerfEval.Tests.Languages;

/// <summary>
/// The language of findings is the caller's choice (<see cref="PerfEvalOptions.Culture"/>, <see cref="Auditor.Audit"/>'s
/// culture, else the UI culture of the moment), and a finding made in one language renders wholly in the other.
/// </summary>
public sealed class CultureTests
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");

    /// <summary>The codes <see cref="Programme"/> produces whose messages cite PerfEval's own words (a reason, a kind, a list…).</summary>
    private static readonly string[] WithOwnWords =
    [
        DiagnosticCodes.InvalidValue, DiagnosticCodes.InvalidTarget, DiagnosticCodes.InvalidExpression, DiagnosticCodes.LevelMismatch,
        DiagnosticCodes.UnknownIndicator, DiagnosticCodes.UnknownBudgetLine, DiagnosticCodes.ActualNotComparable, DiagnosticCodes.ExpressionFailed,
        DiagnosticCodes.BudgetMissing, DiagnosticCodes.ScoreOutOfBand, DiagnosticCodes.ExplanationMissing,
        DiagnosticCodes.StatedFigureDisagrees, DiagnosticCodes.StatedScoreOutOfBand, DiagnosticCodes.ConclusionContradicts,
    ];

    [Theory]
    [InlineData("zh-CN", "en-US")]
    [InlineData("en-US", "zh-CN")]
    [InlineData("zh-Hans", "en")]
    [InlineData("en-GB", "zh-TW")]
    public void A_finding_made_in_one_language_renders_wholly_in_the_other(string made, string rendered)
    {
        var findings = Findings(CultureInfo.GetCultureInfo(made));

        findings.Select(f => f.Code).Should().Contain(WithOwnWords, "the programme exercises every kind of localizable argument");
        foreach (var f in findings)
        {
            var again = MessageCatalog.Default.Render(f, CultureInfo.GetCultureInfo(rendered));

            InOneLanguage(f.Message, f, made).Should().BeEmpty($"{f.Code} as made is “{f.Message}”");
            InOneLanguage(again, f, rendered).Should().BeEmpty($"{f.Code} rendered in {rendered} is “{again}”");
            again.Should().NotBe(f.Message, $"{f.Code} has a template in both languages");
        }
    }

    [Fact]
    public void The_words_of_a_finding_are_rendered_in_the_language_asked_for_not_the_one_they_were_made_in()
    {
        var finding = Findings(Zh).Single(f => f.Code == DiagnosticCodes.InvalidValue);

        finding.Message.Should().Be("无效的值“150”：分值应在 0 到 100 之间");
        finding.Arguments["reason"].Should().Be("a weight is between 0 and 100 points", "arguments are in invariant culture: PerfEval's words in English");
        MessageCatalog.Default.Render(finding, En).Should().Be("Invalid value '150': a weight is between 0 and 100 points");
    }

    [Fact]
    public void The_options_culture_wins_over_the_threads_ui_culture()
    {
        var zh = InCulture(En, () => new Evaluator(new PerfEvalOptions { Culture = Zh }).Evaluate(Programme().Set, Programme().Actuals));
        var en = InCulture(Zh, () => new Evaluator(new PerfEvalOptions { Culture = En }).Evaluate(Programme().Set, Programme().Actuals));

        zh.Findings.Should().NotBeEmpty().And.OnlyContain(f => InOneLanguage(f.Message, f, "zh").Count == 0);
        en.Findings.Should().NotBeEmpty().And.OnlyContain(f => InOneLanguage(f.Message, f, "en").Count == 0);
        zh.Findings.Should().Contain(f => f.Code == DiagnosticCodes.ExplanationMissing && f.Message == "“甲指标”（a1）需要说明偏差原因（失分），但未填写。");
        en.Findings.Should().Contain(f => f.Code == DiagnosticCodes.ExplanationMissing && f.Message == "'甲指标' (a1) must be explained (points lost) but has no reason.");
    }

    [Fact]
    public void Without_a_culture_in_the_options_each_evaluation_follows_the_ui_culture_of_its_thread_even_for_a_cached_plans_findings()
    {
        var evaluator = new Evaluator();
        var (set, actuals) = Programme();

        var first = InCulture(Zh, () => evaluator.Evaluate(set, actuals));
        var second = InCulture(En, () => evaluator.Evaluate(set, actuals));

        // PE1005 was found once, when the plan was made under zh-CN; the second evaluation writes it in English.
        first.Findings.Single(f => f.Code == DiagnosticCodes.InvalidValue).Message.Should().Be("无效的值“150”：分值应在 0 到 100 之间");
        second.Findings.Single(f => f.Code == DiagnosticCodes.InvalidValue).Message.Should().Be("Invalid value '150': a weight is between 0 and 100 points");
    }

    [Fact]
    public void Two_evaluations_on_parallel_threads_with_different_cultures_each_get_their_own_language()
    {
        var (set, actuals) = Programme();
        var byCulture = new[] { (Culture: Zh, Language: "zh"), (Culture: En, Language: "en") };
        var shared = new Evaluator();
        var results = new List<EvaluationResult>[2];
        var barrier = new Barrier(2);
        var threads = byCulture.Select((c, k) => new Thread(() =>
        {
            // Each thread has an evaluator with its culture in the options, and the shared one that follows the thread's UI culture.
            CultureInfo.CurrentUICulture = c.Culture;
            var own = new Evaluator(new PerfEvalOptions { Culture = c.Culture });
            results[k] = [];
            barrier.SignalAndWait();
            for (var i = 0; i < 50; i++)
            {
                results[k].Add(own.Evaluate(set, actuals));
                results[k].Add(shared.Evaluate(set, actuals));
            }
        })).ToList();

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        for (var k = 0; k < 2; k++)
        {
            var messages = results[k].Select(r => string.Join("\n", r.Findings.Select(f => f.Message))).Distinct().ToList();
            messages.Should().ContainSingle($"every evaluation in {byCulture[k].Language} says the same");
            results[k][0].Findings.Should().OnlyContain(f => InOneLanguage(f.Message, f, byCulture[k].Language).Count == 0);
        }

        results[0][0].Findings.Select(f => f.Code).Should().Equal(results[1][0].Findings.Select(f => f.Code));
        results[0][0].Findings.Select(f => f.Message).Should().NotIntersectWith(results[1][0].Findings.Select(f => f.Message));
    }

    [Fact]
    public void An_audit_writes_its_findings_and_labels_in_the_culture_it_is_given()
    {
        var (set, actuals) = Programme();
        var evaluation = new Evaluator(new PerfEvalOptions { Culture = En }).Evaluate(set, actuals);

        var zh = InCulture(En, () => Auditor.Audit(evaluation, actuals, culture: Zh));
        var en = InCulture(Zh, () => Auditor.Audit(evaluation, actuals, culture: En));

        zh.Comparisons.Single(c => c.Path == "$.stated.available").Label.Should().Be("全年预算数");
        en.Comparisons.Single(c => c.Path == "$.stated.available").Label.Should().Be("available budget");
        zh.Findings.Single(f => f.Code == DiagnosticCodes.ConclusionContradicts).Message.Should().EndWith("：甲指标、乙指标、丙指标、丁指标、戊指标、己指标、庚指标、辛指标、壬指标、癸指标、子指标。");
        en.Findings.Single(f => f.Code == DiagnosticCodes.ConclusionContradicts).Message.Should().EndWith(": 甲指标, 乙指标, 丙指标, 丁指标, 戊指标, 己指标, 庚指标, 辛指标, 壬指标, 癸指标, 子指标.");
    }

    [Fact]
    public void A_load_result_is_written_again_in_the_culture_asked_for()
    {
        var read = InCulture(Zh, () => PerfEvalJson.ReadIndicatorSetFile(Path.Combine(Path.GetTempPath(), "perfeval-no-such-file-" + Guid.NewGuid().ToString("N") + ".json")));

        read.Diagnostics.Single().Message.Should().Be("无法读取文件：文件不存在");
        read.InCulture(En).Diagnostics.Single().Message.Should().Be("The file cannot be read: the file does not exist");
        read.InCulture(En).Diagnostics.Single().Should().BeEquivalentTo(read.Diagnostics.Single(), o => o.Excluding(d => d.Message));
    }

    /// <summary>The codes the readers produce in <see cref="ReaderFindings"/> whose messages cite PerfEval's own words.</summary>
    private static readonly string[] ReaderCodesWithOwnWords =
    [
        DiagnosticCodes.MalformedJson, DiagnosticCodes.UnknownProperty, DiagnosticCodes.WrongType, DiagnosticCodes.InvalidValue,
        DiagnosticCodes.InvalidTarget, DiagnosticCodes.LevelMismatch, DiagnosticCodes.InvalidPolicy,
    ];

    [Theory]
    [InlineData("zh-CN", "en-US")]
    [InlineData("en-US", "zh-CN")]
    [InlineData("zh-Hans", "en")]
    [InlineData("en-GB", "zh-TW")]
    public void A_reader_finding_made_in_one_language_renders_wholly_in_the_other(string made, string rendered)
    {
        var findings = InCulture(CultureInfo.GetCultureInfo(made), ReaderFindings);

        findings.Select(f => f.Code).Should().Contain(ReaderCodesWithOwnWords, "the documents exercise every kind of reason the readers give");
        foreach (var f in findings)
        {
            var again = MessageCatalog.Default.Render(f, CultureInfo.GetCultureInfo(rendered));

            InOneLanguage(f.Message, f, made).Should().BeEmpty($"{f.Code} at {f.Path} as made is “{f.Message}”");
            InOneLanguage(again, f, rendered).Should().BeEmpty($"{f.Code} at {f.Path} rendered in {rendered} is “{again}”");
            again.Should().NotBe(f.Message, $"{f.Code} at {f.Path} has a template in both languages");
        }
    }

    [Fact]
    public void A_reader_finding_keeps_its_reason_in_english_in_its_arguments_whatever_the_culture_it_was_made_in()
    {
        var zh = InCulture(Zh, ReaderFindings);
        var en = InCulture(En, ReaderFindings);

        zh.Select(f => (f.Code, f.Path, f.Location)).Should().Equal(en.Select(f => (f.Code, f.Path, f.Location)));
        zh.Select(f => f.Arguments).Should().BeEquivalentTo(en.Select(f => f.Arguments), o => o.WithStrictOrdering());
        zh.Select(f => f.Message).Should().NotIntersectWith(en.Select(f => f.Message));
        zh.Select(f => MessageCatalog.Default.Render(f, En)).Should().Equal(en.Select(f => f.Message));
    }

    [Fact]
    public void An_inconsistent_policy_given_to_the_evaluator_is_explained_in_english_whatever_the_ui_culture()
    {
        var policy = ScoringPolicy.Mof2020 with { PartialDefaultShare = 0.85m };

        var thrown = InCulture(Zh, () => Record.Exception(() => new Evaluator(policy)));

        thrown.Should().BeOfType<ArgumentException>().Which.Message.Should()
            .Contain("the default share for partial (0.85) lies outside its band [0.6, 0.8)");
        LanguageCheck.ChineseIn(thrown!.Message).Should().BeEmpty();
    }

    /// <summary>
    /// The findings of reading faulty documents of every format in the current UI culture: JSON that is empty or has
    /// more after its end, an unknown property, values of the wrong type, out of bounds, not in a list, blank, levels that
    /// do not pair, targets that cannot be read, a rule code of the wrong form, figures written as words, an
    /// inconsistent policy.
    /// </summary>
    private static ImmutableArray<Diagnostic> ReaderFindings()
    {
        var set = PerfEvalJson.ReadIndicatorSet("""
            {
              "id": "s", "name": "n", "year": 2025, "nmae": "x",
              "budget": { "sources": [ { "id": "a", "name": "甲", "category": "灰色资金" } ] },
              "indicators": [
                { "id": "i1", "name": "甲", "level2": "数量", "target": "≥100" },
                { "id": "i2", "name": "乙", "level1": "benefit", "level2": "quantity", "target": "≥100" },
                { "id": "i3", "name": "丙", "level2": "quantity", "target": true },
                { "id": "i4", "name": "丁", "level2": "quantity", "target": "≥", "weight": 150 },
                { "id": "i5", "name": "戊", "level2": "quantity", "target": { "comparison": "range", "value": 5 } },
                { "id": "i6", "name": "己", "level2": "quantity", "target": { "deadline": "年底" } },
                { "id": "i7", "name": " ", "level2": "quantity", "target": "≥1", "comparison": "≤" },
                { "id": "i8", "name": "庚", "level2": "quantity", "target": "≥1", "comparison": "大约" }
              ],
              "consistencyRules": [ { "id": "r", "expression": "actual > 0", "code": "bad" } ]
            }
            """, "set.json");
        var actuals = PerfEvalJson.ReadActuals("""
            { "indicatorSet": "s", "year": 2025.5, "indicators": { "i1": { "grade": "优", "actual": 3 } }, "stated": { "available": "很多" }, "budget": { "spent": -1 } }
            """, "actuals.json");
        var policy = PerfEvalJson.ReadScoringPolicy("""{ "name": "x", "qualitativeDefaults": { "partial": 0.85 }, "satisfaction": { "step": 0 } }""", "policy.json", null);
        var bands = PerfEvalJson.ReadScoringPolicy("""{ "name": "y", "qualitativeDefaults": { "achieved": 0.7, "notAchieved": 0.6 }, "budgetWeight": 20 }""", "bands.json", null);
        var template = PerfEvalJson.ReadRuleTemplate("""{ "id": "t", "consistencyRules": [ { "id": "r", "expression": "actual > 0", "code": "zl1" } ] }""", "template.json");
        var empty = PerfEvalJson.ReadActuals("", "empty.json");
        var trailing = PerfEvalJson.ReadActuals("{} {}", "trailing.json");
        return [.. set.Diagnostics, .. actuals.Diagnostics, .. policy.Diagnostics, .. bands.Diagnostics, .. template.Diagnostics, .. empty.Diagnostics, .. trailing.Diagnostics];
    }

    /// <summary>Every finding of evaluating and auditing <see cref="Programme"/> in <paramref name="culture"/> (given in the options and to the audit).</summary>
    private static ImmutableArray<Diagnostic> Findings(CultureInfo culture)
    {
        var (set, actuals) = Programme();
        var evaluation = new Evaluator(new PerfEvalOptions { Culture = culture }).Evaluate(set, actuals);
        return Auditor.Audit(evaluation, actuals, culture: culture).Findings;
    }

    /// <summary>The words of the other language in <paramref name="message"/>, once the data the finding quotes (names, ids, input) is taken out.</summary>
    private static IReadOnlyList<string> InOneLanguage(string message, Diagnostic finding, string culture)
    {
        var rest = LanguageCheck.WithoutData(message, Data(finding));
        return culture.StartsWith("zh", StringComparison.Ordinal) ? LanguageCheck.EnglishIn(rest) : LanguageCheck.ChineseIn(rest);
    }

    /// <summary>The data a finding quotes: its arguments that are not PerfEval's words, and the data inside those words.</summary>
    private static IEnumerable<string> Data(Diagnostic finding)
    {
        static IEnumerable<string> Inside(MessageText t) =>
            t.Arguments.Select(a => a.Value).Concat(t.Items).SelectMany(v => v is MessageText inner ? Inside(inner) : [(string)v]);

        return finding.Arguments.Where(a => !finding.Texts.ContainsKey(a.Key)).Select(a => a.Value)
            .Concat(finding.Texts.Values.SelectMany(Inside));
    }

    /// <summary>Runs <paramref name="action"/> with <paramref name="culture"/> as the thread's UI culture, and sets the previous one back.</summary>
    internal static T InCulture<T>(CultureInfo culture, Func<T> action)
    {
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    /// <summary>
    /// A programme built in code (so no reader is involved) whose evaluation and audit find, among others, every
    /// code of <see cref="WithOwnWords"/>: a weight of 150, a level-2 group under the wrong level 1, an impossible
    /// deadline, expressions that may not be, a rule aimed at an unknown indicator, an unknown budget line, no
    /// spending, actuals that cannot be compared, a division by zero, a score outside its band, points lost with no
    /// reason, and a report whose figures and conclusion disagree with the evaluation.
    /// </summary>
    private static (IndicatorSet Set, ProgrammeActuals Actuals) Programme()
    {
        static IndicatorDefinition Indicator(string id, string name, Target target, decimal? weight = 10m, Level1 level1 = Level1.Output, Level2 level2 = Level2.Quantity, string? compute = null) =>
            new() { Id = id, Name = name, Level1 = level1, Level2 = level2, Target = target, Weight = weight, Compute = compute };

        var atLeast = new Target { Comparison = Comparison.AtLeast, Value = 100m };
        var set = new IndicatorSet
        {
            Id = "languages-2025",
            Name = "语言测试项目",
            Year = 2025,
            Budget = new BudgetDefinition { Sources = [new BudgetLine("central", "中央财政资金")] },
            Indicators =
            [
                Indicator("a1", "甲指标", atLeast),
                Indicator("a2", "乙指标", atLeast, level1: Level1.Benefit),
                Indicator("a3", "丙指标", atLeast, weight: 150m),
                Indicator("a4", "丁指标", new Target { Comparison = Comparison.Qualitative, Description = "有效提升" }, compute: "x"),
                Indicator("a5", "戊指标", new Target { Comparison = Comparison.Deadline, Deadline = new Deadline(13) }),
                Indicator("a6", "己指标", atLeast, compute: "Foo(1)"),
                Indicator("a7", "庚指标", atLeast),
                Indicator("a8", "辛指标", new Target { Comparison = Comparison.AtLeast, Value = 90m, IsPercent = true }),
                Indicator("a9", "壬指标", new Target { Comparison = Comparison.Deadline, Deadline = new Deadline(12) }),
                Indicator("a10", "癸指标", atLeast, compute: "p / q"),
                Indicator("a11", "子指标", new Target { Comparison = Comparison.Qualitative, Description = "明显改善" }),
            ],
            ConsistencyRules = [new ConsistencyRule { Id = "r1", Expression = "actual > 0", Indicators = ["a1x"] }],
        };
        var actuals = new ProgrammeActuals
        {
            IndicatorSet = set.Id,
            Budget = new BudgetActuals { Available = 100m, Sources = [new BudgetAmount("county", 100m)] },
            Indicators =
            [
                new IndicatorActual { Id = "a1", Actual = ActualValue.FromNumber(50m) },
                new IndicatorActual { Id = "a4", Actual = new ActualValue { Text = "有效提升" } },
                new IndicatorActual { Id = "a7", Actual = new ActualValue { Text = "n/a" } },
                new IndicatorActual { Id = "a8", Actual = ActualValue.FromNumber(0.95m) },
                new IndicatorActual { Id = "a9", Actual = new ActualValue { Text = "soon" } },
                new IndicatorActual { Id = "a10", Inputs = ImmutableDictionary<string, decimal>.Empty.Add("p", 1m).Add("q", 0m) },
                new IndicatorActual { Id = "a11", Actual = new ActualValue { Text = "明显改善" }, Grade = QualitativeGrade.Partial, Score = 9.9m },
                new IndicatorActual { Id = "a1y", Actual = ActualValue.FromNumber(1m) },
            ],
            Stated = new StatedFigures
            {
                Available = 90m,
                Grade = "差",
                Conclusion = "各项指标全面完成",
                Scores = ImmutableDictionary<string, decimal>.Empty.Add("a11", 9.9m),
            },
        };
        return (set, actuals);
    }
}
