using System.Globalization;
using System.Text.RegularExpressions;
using FluentAssertions;
using PerfEval.Batch;
using PerfEval.Deviations;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Loading;
using PerfEval.Testing;
using Samples;

namespace PerfEval.Packaging.Tests;

/// <summary>
/// The C# in docs/api.md is the files in DocSnippets/, compiled by this project: these tests check that the page
/// shows each file as it is, and run each snippet on the seed example.
/// </summary>
[Trait("Category", "Docs")]
public sealed partial class DocSnippetTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("perfeval-snippets-").FullName;

    public static TheoryData<string> SnippetFiles() =>
        [.. Directory.GetFiles(SnippetFolder, "*.cs").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    private static string SnippetFolder => Path.Combine(Repository.Root(), "tests", "PerfEval.Packaging.Tests", "DocSnippets");

    private static string Seed => Repository.SeedExample();

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Theory]
    [MemberData(nameof(SnippetFiles))]
    public void Api_md_shows_the_snippet_file_verbatim_under_its_marker(string file)
    {
        var api = Normalize(File.ReadAllText(Path.Combine(Repository.Root(), "docs", "api.md")));

        api.Should().Contain($"<!-- snippet: {file} -->\n```csharp\n{Snippet(file)}```\n", $"docs/api.md shows DocSnippets/{file} as it is");
    }

    [Fact]
    public void Every_snippet_marker_in_the_docs_is_followed_by_the_current_text_of_its_file()
    {
        var docs = Path.Combine(Repository.Root(), "docs");
        var markers = 0;
        foreach (var page in Directory.GetFiles(docs, "*.md", SearchOption.AllDirectories))
        {
            var text = Normalize(File.ReadAllText(page));
            foreach (Match m in SnippetMarker().Matches(text))
            {
                markers++;
                var file = m.Groups["file"].Value;
                File.Exists(Path.Combine(SnippetFolder, file)).Should().BeTrue($"{Path.GetRelativePath(docs, page)} names the snippet {file}");
                m.Groups["code"].Value.Should().Be(Snippet(file), $"{Path.GetRelativePath(docs, page)} shows DocSnippets/{file} as it is");
            }
        }

        markers.Should().BeGreaterThanOrEqualTo(SnippetFiles().Count);
    }

    [Fact]
    public void The_quick_start_evaluates_the_seed_and_prints_the_unmet_indicators_and_findings()
    {
        using var output = new StringWriter();

        var result = QuickStart.EvaluateFolder(Seed, output);

        result.Should().NotBeNull();
        result!.TotalScore.Should().Be(95.23m);
        result.Budget.ExecutionRate.Should().Be(99.57m);
        output.ToString().Should().Contain("享受就业见习补贴人数").And.Contain("PE3001");
        QuickStart.ToJson(result).Should().Contain("\"totalScore\": 95.23");
    }

    [Fact]
    public void The_quick_start_prints_the_diagnostics_of_a_folder_it_cannot_read()
    {
        using var output = new StringWriter();

        QuickStart.EvaluateFolder(_temp, output).Should().BeNull();
        output.ToString().Should().Contain(DiagnosticCodes.UnreadableFile);
    }

    [Fact]
    public void Documents_held_in_memory_evaluate_like_files_and_report_errors_with_the_given_source_names()
    {
        var indicators = File.ReadAllText(Path.Combine(Seed, PerfEvalJson.IndicatorSetFileName));
        var actuals = File.ReadAllText(Path.Combine(Seed, PerfEvalJson.ActualsFileName));

        FromJsonText.Evaluate(indicators, actuals).TotalScore.Should().Be(95.23m);

        using var errors = new StringWriter();
        using var badSet = new MemoryStream("{ \"id\": \"x\", \"nmae\": 1 }"u8.ToArray());
        using var goodActuals = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(actuals));
        FromJsonText.TryEvaluate(badSet, goodActuals, errors).Should().BeNull();
        errors.ToString().Should().Contain(DiagnosticCodes.UnknownProperty).And.Contain("indicators.json(1,");
    }

    [Fact]
    public void The_injected_evaluator_applies_the_rule_template_to_every_set()
    {
        using var provider = DependencyInjectionSetup.BuildProvider(Path.Combine(Repository.Root(), "rules", "templates", "common-reasons.json"));
        var service = (SelfEvaluationService)provider.GetService(typeof(SelfEvaluationService))!;

        var result = service.Evaluate(Seed);

        result.TotalScore.Should().Be(95.23m);
        result.Indicators.Single(i => i.Id == "si-subsidy-recipients").Deviation.Reasons
            .Should().Contain(r => r.Source == ReasonSource.Rule && r.RuleId == "over-achievement-review");
        result.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.ExplanationMissing);
    }

    [Fact]
    public void The_policy_snippets_choose_built_in_changed_and_json_policies()
    {
        var programme = PerfEvalJson.ReadProgrammeFolder(Seed).GetValueOrThrow();

        Policies.Regional("regional-budget20").Evaluate(programme).Policy.Should().Be("regional-budget20");
        FluentActions.Invoking(() => Policies.Regional("no-such-policy")).Should().Throw<ArgumentException>().WithMessage("*mof-2020*");
        Policies.InverseRatio().Evaluate(programme).Policy.Should().Be("mof-2020-inverse-ratio");

        var city = Policies.FromJson().Evaluate(programme);
        city.Policy.Should().Be("city-2025");
        city.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.ExplanationMissing, "over-achievement is reviewed from 150 % under city-2025");
    }

    [Fact]
    public void The_report_snippet_writes_the_table_in_every_format_and_the_draft()
    {
        var result = new Evaluator().Evaluate(PerfEvalJson.ReadProgrammeFolder(Seed).GetValueOrThrow());

        Reports.WriteAll(result, _temp);

        File.ReadAllText(Path.Combine(_temp, "table.md")).Should().Contain("95.23");
        File.ReadAllBytes(Path.Combine(_temp, "table.csv")).Take(3).Should().Equal((byte)0xEF, (byte)0xBB, (byte)0xBF);
        File.ReadAllText(Path.Combine(_temp, "table.html")).Should().Contain("<table");
        File.ReadAllBytes(Path.Combine(_temp, "table.xlsx")).Take(2).Should().Equal((byte)'P', (byte)'K');
        File.ReadAllText(Path.Combine(_temp, "report.txt")).Should().Contain("95.23");
        Reports.EnglishMarkdown(result).Should().Contain("Excellent");
    }

    [Fact]
    public void The_audit_snippet_finds_the_seed_reports_forced_shares_and_contradicting_conclusion()
    {
        using var output = new StringWriter();

        var audit = ReportAudit.Audit(Seed, output);

        audit.HasErrors.Should().BeTrue();
        audit.Findings.Select(f => f.Code).Should().Contain([DiagnosticCodes.StatedFigureDisagrees, DiagnosticCodes.ConclusionContradicts]);
        output.ToString().Should().Contain("24.27").And.Contain("24.28");
    }

    [Fact]
    public void The_review_snippet_writes_the_summary_pages_and_findings_of_a_folder()
    {
        var input = Path.Combine(_temp, "in");
        foreach (var name in new[] { "a", "county/b" })
        {
            Directory.CreateDirectory(Path.Combine(input, name));
            foreach (var file in Directory.GetFiles(Seed))
            {
                File.Copy(file, Path.Combine(input, name, Path.GetFileName(file)));
            }
        }

        File.WriteAllText(Path.Combine(input, "county", "c.xlsx"), "x");
        var output = Path.Combine(_temp, "out");

        var hasErrors = PortfolioReviewSample.ReviewFolder(input, output, importer: null);

        hasErrors.Should().BeTrue("the seed report's figures disagree and the .xlsx file is not imported");
        File.ReadAllText(Path.Combine(output, "index.html")).Should().Contain("<svg").And.Contain("county/c.xlsx");
        File.Exists(Path.Combine(output, "submissions", "0002-table.html")).Should().BeTrue();
        File.ReadAllLines(Path.Combine(output, "findings.csv")).Should().Contain(l => l.StartsWith("county/c.xlsx,PE7001,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_batch_snippet_evaluates_every_folder_in_order_and_keeps_going_past_a_broken_one()
    {
        foreach (var name in new[] { "a", "c" })
        {
            Directory.CreateDirectory(Path.Combine(_temp, name));
            foreach (var file in Directory.GetFiles(Seed))
            {
                File.Copy(file, Path.Combine(_temp, name, Path.GetFileName(file)));
            }
        }

        Directory.CreateDirectory(Path.Combine(_temp, "b"));
        var progress = new RecordingProgress();

        var totals = await BatchSample.EvaluateAllAsync(_temp, progress, CancellationToken.None);

        totals.Select(t => Path.GetFileName(t.Name)).Should().Equal("a", "b", "c");
        totals.Select(t => t.TotalScore).Should().Equal(95.23m, null, 95.23m);
        progress.Reports.Should().HaveCount(3).And.EndWith(new BatchProgress(3, 1));
    }

    [Fact]
    public void The_message_snippet_evaluates_in_chinese_under_an_english_ui_culture_and_renders_a_finding_wholly_in_english()
    {
        var ui = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
            var result = CustomMessages.InChinese().Evaluate(PerfEvalJson.ReadProgrammeFolder(Seed).GetValueOrThrow());

            var finding = result.Findings.First(f => f.Code == DiagnosticCodes.ExplanationMissing);
            finding.Message.Should().Be("“社会保险补贴人数”（si-subsidy-recipients）需要说明偏差原因（超额完成需复核），但未填写。");
            CustomMessages.InEnglish(finding).Should().Be("'社会保险补贴人数' (si-subsidy-recipients) must be explained (over-achievement to review) but has no reason.");
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
        }
    }

    [Fact]
    public void The_message_snippet_rewords_a_finding_and_renders_it_again_in_english()
    {
        var ui = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
            var result = CustomMessages.WithOwnWording().Evaluate(PerfEvalJson.ReadProgrammeFolder(Seed).GetValueOrThrow());

            var finding = result.Findings.First(f => f.Code == DiagnosticCodes.ExplanationMissing);
            finding.Message.Should().StartWith("请补充“社会保险补贴人数”的偏差原因");
            CustomMessages.InEnglish(finding).Should().Contain("must be explained");
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
        }
    }

    [Fact]
    public void The_schema_snippet_writes_the_schemas_as_they_are_in_the_repository()
    {
        var written = Schemas.Extract(_temp);

        written.Select(Path.GetFileName).Should().BeEquivalentTo("actuals.schema.json", "indicator-set.schema.json", "policy.schema.json", "rule-template.schema.json", "target-checklist.schema.json");
        foreach (var path in written)
        {
            File.ReadAllBytes(path).Should().Equal(File.ReadAllBytes(Path.Combine(Repository.Root(), "rules", "schema", Path.GetFileName(path))));
        }
    }

    /// <summary>A snippet file's text with LF line ends, ending in one newline.</summary>
    private static string Snippet(string file) =>
        Normalize(File.ReadAllText(Path.Combine(SnippetFolder, file))).TrimEnd('\n') + "\n";

    private static string Normalize(string text) => text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal);

    [GeneratedRegex(@"<!-- snippet: (?<file>[A-Za-z0-9_.]+\.cs) -->\n```csharp\n(?<code>.*?)```\n", RegexOptions.Singleline)]
    private static partial Regex SnippetMarker();

    /// <summary>Records progress synchronously (Progress&lt;T&gt; would post it to the thread pool).</summary>
    private sealed class RecordingProgress : IProgress<BatchProgress>
    {
        public List<BatchProgress> Reports { get; } = [];

        public void Report(BatchProgress value)
        {
            lock (Reports)
            {
                Reports.Add(value);
            }
        }
    }
}
