using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Text;
using PerfEval.Batch;
using PerfEval.Diagnostics;
using PerfEval.Excel;
using PerfEval.Review;

namespace PerfEval.Cli;

/// <summary>
/// <c>perfeval review &lt;folder&gt;</c>: every submission in a folder (rule folders and table files, recursively) read,
/// evaluated and audited on every core, summarised as an HTML page with charts, each submission's table and audit
/// pages, and the findings as CSV and xlsx. Exit code 1 when any submission has errors or could not be read.
/// </summary>
internal static class ReviewCommand
{
    private static readonly string[] SummaryColumns = ["submission", "total", "grade", "errors", "warnings"];

    /// <summary>The command; <paramref name="importer"/> reads table files (by default the <c>PerfEval.Import</c> importer).</summary>
    public static Command Build(TextWriter output, TextWriter error, ISubmissionImporter? importer = null)
    {
        var folder = new Argument<string>("folder") { Description = "The folder of submissions: rule folders (indicators.json + actuals.json with the report's figures under \"stated\") and table files (.xlsx, .xls, .docx, .html, .pdf), searched recursively." };
        var outputFolder = new Option<string>("--output", "-o")
        {
            Description = "The folder to write the review to (index.html, findings.csv, findings.xlsx, submissions/); created when missing, never searched for submissions.",
            DefaultValueFactory = _ => "review",
        };
        var lang = new Option<string>("--lang") { Description = "zh (default) or en.", DefaultValueFactory = _ => "zh" };
        lang.AcceptOnlyFromAmong("zh", "en");
        var policy = new Option<string?>("--policy") { Description = "The scoring policy for sets that name none: a built-in name or a policy file." };
        var rules = new Option<string[]>("--rules") { Description = "A rule template file applied to every set; may be given more than once." };
        var command = new Command("review", "Review a year's submissions at once (抽查复核): evaluate and audit every submission in a folder and write a summary page, each submission's table and audit, and a list of all findings. Exit code 1 when any submission has errors.")
        {
            folder,
            outputFolder,
            lang,
            policy,
            rules,
        };
        command.SetAction(parse => CliApp.Guarded(
            () => Run(new CliApp.EvaluateRequest([parse.GetValue(folder)!], "html", parse.GetValue(lang)!, parse.GetValue(policy), parse.GetValue(rules) ?? []), parse.GetValue(outputFolder)!, importer, output, error),
            parse.GetValue(lang)!,
            error));
        return command;
    }

    private static int Run(CliApp.EvaluateRequest request, string target, ISubmissionImporter? importer, TextWriter output, TextWriter error)
    {
        var previous = CultureInfo.CurrentUICulture;
        var culture = CultureInfo.GetCultureInfo(request.Lang == "en" ? "en" : "zh-Hans");
        CultureInfo.CurrentUICulture = culture;
        try
        {
            if (CliApp.BuildEvaluator(request, error) is not { } evaluator)
            {
                return CliApp.InputErrors;
            }

            var root = request.Paths[0];
            if (!Directory.Exists(root))
            {
                error.WriteLine($"{root}: no such folder.");
                return CliApp.UsageError;
            }

            var submissions = SubmissionFinder.Find(root, [target]);
            if (submissions.IsEmpty)
            {
                error.WriteLine(Text("review.nothing", culture, ("folder", root)));
                return CliApp.UsageError;
            }

            if (Prepare(target, error) is { } failed)
            {
                return failed;
            }

            var progress = new Progress(submissions.Length, error);
            var reviews = new List<SubmissionReview>(submissions.Length);
            var options = new ReviewOptions { Importer = importer ?? new TableImporter(culture), Culture = culture, MaxDegreeOfParallelism = Environment.ProcessorCount };
            foreach (var review in PortfolioReview.Run(evaluator, submissions, options))
            {
                progress.Next(review.Submission.Path + Path.DirectorySeparatorChar);
                reviews.Add(review);
                var pages = new List<(string Path, string? Text)>
                {
                    (ReviewWriters.AuditPage(review.Index), ReviewWriters.AuditHtml(review, culture)),
                    (ReviewWriters.TablePage(review.Index), ReviewWriters.TableHtml(review, culture)),
                };
                foreach (var (path, text) in pages)
                {
                    if (text is not null && Write(Path.Combine(target, path), text, error) is { } unwritable)
                    {
                        progress.Interrupt();
                        return unwritable;
                    }
                }
            }

            progress.Done();
            var summary = PortfolioSummary.From(reviews, culture);
            var findings = reviews.SelectMany(ReviewFinding.Of).ToList();
            var index = Path.Combine(target, ReviewWriters.SummaryPage);
            var written = Write(index, ReviewWriters.SummaryHtml(summary, reviews, culture), error)
                ?? Write(Path.Combine(target, "findings.csv"), ReviewWriters.FindingsCsv(findings, culture), error)
                ?? WriteBytes(Path.Combine(target, "findings.xlsx"), FindingsWorkbookWriter.ToBytes(findings, culture), error);
            if (written is { } code)
            {
                return code;
            }

            PrintSummary(reviews, culture, output);
            output.WriteLine(Text("review.done", culture, ("count", summary.Submissions), ("errors", summary.WithErrors), ("page", index)));
            return summary.HasErrors ? CliApp.InputErrors : CliApp.Ok;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>Creates the output folder and its pages folder; exit code 3 (after PE5001) when that cannot be done.</summary>
    private static int? Prepare(string target, TextWriter error)
    {
        try
        {
            Directory.CreateDirectory(Path.Combine(target, ReviewWriters.PagesFolder));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            error.WriteLine(OutputFile.Unwritable(target, e.Message).ToString());
            return CliApp.OutputError;
        }
    }

    private static void PrintSummary(List<SubmissionReview> reviews, CultureInfo culture, TextWriter output)
    {
        var chinese = culture.TwoLetterISOLanguageName == "zh";
        var rows = new List<string[]>
        {
            SummaryColumns.Select(k => Text("review.column." + k, culture)).ToArray(),
        };
        rows.AddRange(reviews.Select(r => r.Audit?.Evaluation is { } e
            ? new[] { r.Submission.Name, e.TotalScore.ToString("0.00", CultureInfo.InvariantCulture), chinese ? e.Grade.Label : e.Grade.EnglishLabel, Count(r.Errors), Count(r.Warnings) }
            : [r.Submission.Name, "—", Text("review.notRead", culture), Count(r.Errors), Count(r.Warnings)]));
        TerminalTable.Print(rows, output, rightAlignFrom: 1, rightAlignTo: 1);
        output.WriteLine();
    }

    private static int? Write(string path, string text, TextWriter error) =>
        WriteBytes(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text), error);

    private static int? WriteBytes(string path, byte[] bytes, TextWriter error)
    {
        if (OutputFile.TryWrite(path, stream => stream.Write(bytes)) is { } reason)
        {
            error.WriteLine(OutputFile.Unwritable(path, reason).ToString());
            return CliApp.OutputError;
        }

        return null;
    }

    private static string Text(string key, CultureInfo culture, params (string Name, object Value)[] arguments) =>
        MessageCatalog.Default.Format(key, arguments.ToImmutableDictionary(a => a.Name, a => Convert.ToString(a.Value, CultureInfo.InvariantCulture) ?? string.Empty), culture);

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
