using System.Collections.Immutable;
using System.Globalization;
using FluentAssertions;
using PerfEval.Audit;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Loading;
using PerfEval.Review;

namespace PerfEval.Tests.Review;

public sealed class PortfolioReviewTests : IDisposable
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");

    private readonly ReviewFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Rule_folders_and_table_files_are_found_recursively_in_name_order()
    {
        _folder.Seed("b-seed");
        _folder.Seed("county/a-seed", stated: false);
        _folder.TableFile("county/report.xlsx");
        _folder.TableFile("2025/deep/table.HTML");
        _folder.TableFile("notes.txt");

        var found = SubmissionFinder.Find(_folder.Root);

        found.Select(s => (s.Name, s.Kind)).Should().Equal(
            ("2025/deep/table.HTML", SubmissionKind.File),
            ("b-seed", SubmissionKind.RuleFolder),
            ("county/a-seed", SubmissionKind.RuleFolder),
            ("county/report.xlsx", SubmissionKind.File));
    }

    [Fact]
    public void The_original_table_kept_in_a_rule_folder_the_output_folder_and_hidden_entries_are_not_submissions()
    {
        var seed = _folder.Seed("seed");
        File.WriteAllText(Path.Combine(seed, "original.html"), "<table></table>");
        _folder.TableFile("out/index.html");
        _folder.TableFile(".cache/old.xlsx");
        _folder.TableFile(".hidden.pdf");

        var found = SubmissionFinder.Find(_folder.Root, [Path.Combine(_folder.Root, "out")]);

        found.Select(s => s.Name).Should().Equal("seed");
    }

    [Fact]
    public void A_folder_that_is_itself_a_rule_folder_is_one_submission()
    {
        var seed = _folder.Seed("only");

        SubmissionFinder.Find(seed).Should().ContainSingle().Which.Should().Be(new Submission("only", Path.GetFullPath(seed), SubmissionKind.RuleFolder));
    }

    [Fact]
    public void Each_rule_folder_is_audited_as_the_auditor_audits_it_alone()
    {
        var seed = _folder.Seed("seed");
        var programme = PerfEvalJson.ReadProgrammeFolder(seed).GetValueOrThrow();
        var alone = Auditor.Audit(new Evaluator().Evaluate(programme), programme.Actuals, culture: En);

        var review = PortfolioReview.Run(new Evaluator(), SubmissionFinder.Find(_folder.Root), new ReviewOptions { Culture = En }).Single();

        review.Audit.Should().NotBeNull();
        review.Audit!.Evaluation.TotalScore.Should().Be(alone.Evaluation.TotalScore);
        review.Audit.Comparisons.Should().Equal(alone.Comparisons);
        review.Findings.Select(f => (f.Code, f.Path, f.Message)).Should().Equal(alone.Findings.Select(f => (f.Code, f.Path, f.Message)));
        review.Errors.Should().Be(alone.Findings.Count(f => f.Severity == DiagnosticSeverity.Error)).And.BeGreaterThan(0, "the seed report states a wrong share and a false conclusion");
        review.HasErrors.Should().BeTrue();
    }

    [Fact]
    public void A_table_file_without_an_importer_is_not_reviewed_and_says_why()
    {
        _folder.TableFile("report.docx", "not really a document");

        var review = PortfolioReview.Run(new Evaluator(), SubmissionFinder.Find(_folder.Root), new ReviewOptions { Culture = En }).Single();

        review.Audit.Should().BeNull();
        review.HasErrors.Should().BeTrue();
        var d = review.Findings.Should().ContainSingle().Subject;
        d.Code.Should().Be(DiagnosticCodes.TableNotImportable);
        d.Severity.Should().Be(DiagnosticSeverity.Error);
        d.Location!.Source.Should().EndWith("report.docx");
        d.Message.Should().Contain("report.docx").And.Contain(".docx");
    }

    [Fact]
    public void A_table_file_is_reviewed_through_the_importer_the_host_supplies()
    {
        var table = _folder.TableFile("report.xlsx");
        var importer = new SeedImporter();

        var review = PortfolioReview.Run(new Evaluator(), SubmissionFinder.Find(_folder.Root), new ReviewOptions { Importer = importer, Culture = En }).Single();

        importer.Imported.Should().Equal(Path.GetFullPath(table));
        review.Audit.Should().NotBeNull();
        review.Audit!.Evaluation.IndicatorSetId.Should().Be("zalantun-employment-2025");
        review.Findings.Should().Contain(f => f.Code == "IMPORT1", "the importer's own diagnostics are kept with the submission");
    }

    [Fact]
    public void Reviews_come_out_in_the_order_of_the_submissions_whatever_the_parallelism()
    {
        for (var i = 0; i < 12; i++)
        {
            if (i % 4 == 3)
            {
                _folder.TableFile($"s{i:D2}.pdf");
            }
            else
            {
                _folder.Seed($"s{i:D2}", stated: i % 2 == 0);
            }
        }

        var submissions = SubmissionFinder.Find(_folder.Root);
        var reviews = PortfolioReview.Run(new Evaluator(), submissions, new ReviewOptions { MaxDegreeOfParallelism = 4, Culture = En }).ToList();

        reviews.Select(r => r.Submission).Should().Equal(submissions);
        reviews.Select(r => r.Index).Should().Equal(Enumerable.Range(0, 12));
        reviews.Select(r => r.Audit is null).Should().Equal(submissions.Select(s => s.Kind == SubmissionKind.File));
    }

    [Fact]
    public void The_summary_counts_grades_execution_bands_kinds_and_codes_from_the_reviews()
    {
        _folder.Seed("a");
        _folder.Seed("b", stated: false);
        _folder.TableFile("c.xls");
        var reviews = PortfolioReview.Run(new Evaluator(), SubmissionFinder.Find(_folder.Root), new ReviewOptions { Culture = Zh }).ToList();

        var summary = PortfolioSummary.From(reviews, Zh);

        summary.Submissions.Should().Be(3);
        summary.Unread.Should().Be(1);
        summary.WithErrors.Should().Be(reviews.Count(r => r.HasErrors)).And.Be(2, "the copy with the report's figures has audit errors and the .xls file was not read");
        summary.WithWarningsOnly.Should().Be(1);
        summary.HasErrors.Should().BeTrue();

        var evaluations = reviews.Where(r => r.Audit is not null).Select(r => r.Audit!.Evaluation).ToList();
        summary.Grades.Select(g => g.Key).Should().Equal("excellent", "good", "fair", "poor");
        summary.Grades.Single(g => g.Key == evaluations[0].Grade.Code).Count.Should().Be(2);
        summary.Grades.Sum(g => g.Count).Should().Be(2);
        summary.Grades[0].Label.Should().Be("优");

        // The seed's execution rate is 99.57 %: both copies fall in the band from 95 to 100.
        evaluations.Should().OnlyContain(e => e.Budget.ExecutionRate == 99.57m);
        summary.ExecutionRates.Single(b => b.Key == "95").Count.Should().Be(2);
        summary.ExecutionRates.Sum(b => b.Count).Should().Be(2);

        var quantity = evaluations.SelectMany(e => e.Indicators).Where(i => i.Level2 == Level2.Quantity).ToList();
        var kind = summary.CompletionByKind.Single(k => k.Kind == Level2.Quantity);
        kind.Label.Should().Be("数量指标");
        kind.Indicators.Should().Be(quantity.Count);
        kind.Met.Should().Be(quantity.Count(i => i.Status == IndicatorStatus.Met));
        kind.AverageCompletionRate.Should().Be(Figures.Round(quantity.Where(i => i.CompletionRate is not null).Average(i => i.CompletionRate!.Value)));

        var codes = reviews.SelectMany(r => r.Findings).GroupBy(f => f.Code).ToDictionary(g => g.Key, g => g.Count());
        summary.FindingsByCode.Should().HaveCount(codes.Count);
        summary.FindingsByCode.Should().OnlyContain(c => codes[c.Key] == c.Count);
        summary.FindingsByCode.Select(c => c.Count).Should().BeInDescendingOrder();
        summary.FindingsByCode.Should().Contain(c => c.Key == DiagnosticCodes.TableNotImportable && c.Count == 1);
    }

    [Fact]
    public void A_finding_about_a_stated_figure_carries_the_stated_and_recomputed_figures()
    {
        _folder.Seed("seed");
        var review = PortfolioReview.Run(new Evaluator(), SubmissionFinder.Find(_folder.Root), new ReviewOptions { Culture = En }).Single();

        var rows = ReviewFinding.Of(review).ToList();

        rows.Should().HaveCount(review.Findings.Length);
        rows.Should().OnlyContain(r => r.Submission == "seed");
        var share = rows.Single(r => r.Code == DiagnosticCodes.StatedFigureDisagrees && r.Path == "$.stated.expenditureShares.other");
        (share.Stated, share.Recomputed).Should().Be(("24.27", "24.28"), "937.56 / 3861.14 = 24.2819…% rounds to 24.28");
        var forced = rows.Single(r => r.Code == DiagnosticCodes.SharesForced);
        (forced.Stated, forced.Recomputed).Should().Be(("100.00%", "100.01%"));
        rows.Single(r => r.Code == DiagnosticCodes.ConclusionContradicts).Stated.Should().BeNull();
    }

    [Fact]
    public void The_findings_csv_has_a_header_and_one_row_per_finding_with_formula_like_text_neutralised()
    {
        ImmutableArray<ReviewFinding> rows =
        [
            new("a/b", "PE4001", DiagnosticSeverity.Error, "$.stated.totalScore", "95", "96", "stated 95, recomputed 96"),
            new("c", "ZL001", DiagnosticSeverity.Warning, "$", null, null, "=HYPERLINK(\"x\"), with a comma"),
        ];

        var csv = ReviewWriters.FindingsCsv(rows, Zh);

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Should().Equal(
            "自评,代码,级别,位置,陈述值,复算值,说明",
            "a/b,PE4001,错误,$.stated.totalScore,95,96,\"stated 95, recomputed 96\"",
            "c,ZL001,警告,$,,,\"'=HYPERLINK(\"\"x\"\"), with a comma\"");
        ReviewWriters.FindingsCsv(rows, En).Should().StartWith("Submission,Code,Severity,Path,Stated,Recomputed,Message\r\n");
    }

    /// <summary>An importer that reads every .xlsx as the seed example, with a diagnostic of its own.</summary>
    private sealed class SeedImporter : ISubmissionImporter
    {
        public List<string> Imported { get; } = [];

        public bool CanImport(string path) => path.EndsWith(".xlsx", StringComparison.Ordinal);

        public ImportedSubmission Import(string path)
        {
            lock (Imported)
            {
                Imported.Add(path);
            }

            var programme = PerfEvalJson.ReadProgrammeFolder(Testing.Repository.SeedExample()).GetValueOrThrow();
            return new ImportedSubmission(programme, [new Diagnostic("IMPORT1", DiagnosticSeverity.Info, "$", "row 3 read as a note")]);
        }
    }
}
