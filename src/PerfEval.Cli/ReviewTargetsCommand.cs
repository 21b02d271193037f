using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using PerfEval.Diagnostics;
using PerfEval.Loading;
using PerfEval.Reporting;
using PerfEval.TargetReview;

namespace PerfEval.Cli;

/// <summary><c>perfeval review-targets</c>: checks a target set before the year against a checklist (绩效目标审核).</summary>
internal static class ReviewTargetsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var path = new Argument<string>("path") { Description = "A programme folder (its indicators.json; actuals.<year-1>.json, when there, is the previous year) or an indicator-set file." };
        var checklist = new Option<string?>("--checklist") { Description = "A checklist file (rules/schema/target-checklist.schema.json) instead of the built-in one." };
        var type = new Option<string?>("--type") { Description = "The programme type in the checklist (built-in: service, noRecipients); the checklist's default when omitted." };
        var previous = new Option<string?>("--previous") { Description = "The previous year's actuals file; by default actuals.<year-1>.json in the folder." };
        var format = new Option<string>("--format", "-f") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var lang = new Option<string>("--lang") { Description = "zh (default) or en.", DefaultValueFactory = _ => "zh" };
        lang.AcceptOnlyFromAmong("zh", "en");
        var policy = new Option<string?>("--policy") { Description = "The scoring policy the weights must fit, for sets that name none: a built-in name or a policy file." };
        var command = new Command("review-targets", "Check an indicator set's targets before the year against a checklist (绩效目标审核). Exit code 1 when errors are found.")
        {
            path, checklist, type, previous, format, lang, policy,
        };
        command.SetAction(parse => CliApp.Guarded(
            () => Run(
                new Request(parse.GetValue(path)!, parse.GetValue(checklist), parse.GetValue(type), parse.GetValue(previous), new CliApp.EvaluateRequest([], parse.GetValue(format)!, parse.GetValue(lang)!, parse.GetValue(policy), [])),
                output,
                error),
            parse.GetValue(lang)!,
            error));
        return command;
    }

    private sealed record Request(string Path, string? Checklist, string? Type, string? Previous, CliApp.EvaluateRequest Common);

    private static int Run(Request request, TextWriter output, TextWriter error)
    {
        var previousCulture = CultureInfo.CurrentUICulture;
        var chinese = request.Common.Lang != "en";
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(chinese ? "zh-Hans" : "en");
        try
        {
            if (!Directory.Exists(request.Path) && !File.Exists(request.Path))
            {
                error.WriteLine($"{request.Path}: no such file or folder.");
                return CliApp.UsageError;
            }

            if (CliApp.BuildEvaluator(request.Common, error) is not { } evaluator)
            {
                return CliApp.InputErrors;
            }

            var list = TargetChecklist.Default;
            if (request.Checklist is { } file)
            {
                var read = TargetChecklist.ReadFile(file);
                CliApp.WriteDiagnostics(read.Diagnostics, error);
                if (read.Value is null)
                {
                    return CliApp.InputErrors;
                }

                list = read.Value;
            }

            if (RuleFolderHistory.ReadSet(request.Path, error) is not { } set)
            {
                return CliApp.InputErrors;
            }

            var previousFile = request.Previous ?? RuleFolderHistory.PreviousYearFile(RuleFolderHistory.FolderOf(request.Path), set.Year);
            Actuals.ProgrammeActuals? previous = null;
            if (previousFile is not null)
            {
                var read = PerfEvalJson.ReadActualsFile(previousFile);
                CliApp.WriteDiagnostics(read.Diagnostics, error);
                if (read.Value is null)
                {
                    return CliApp.InputErrors;
                }

                previous = read.Value;
            }

            var review = TargetReviewer.Review(set, new TargetReviewOptions { Checklist = list, ProgrammeType = request.Type, PreviousYear = previous, Evaluator = evaluator });
            if (request.Common.Format == "json")
            {
                output.Write(ToJson(review));
            }
            else
            {
                WriteText(review, list, previousFile, output, chinese);
            }

            return review.HasErrors ? CliApp.InputErrors : CliApp.Ok;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previousCulture;
        }
    }

    private static void WriteText(TargetReviewResult review, TargetChecklist list, string? previousFile, TextWriter o, bool chinese)
    {
        o.WriteLine(chinese ? $"{review.Name} {review.Year} 年度绩效目标审核" : $"{review.Name}: target review {review.Year}");
        var type = list.FindType(review.ProgrammeType)?.Name(chinese) ?? review.ProgrammeType ?? "—";
        o.WriteLine(chinese ? $"审核清单：{list.Name ?? list.Id}   项目类型：{type}" : $"Checklist: {list.Name ?? list.Id}   Programme type: {type}");
        if (previousFile is not null)
        {
            o.WriteLine(chinese ? $"上年实际完成值：{previousFile}" : $"Previous year's actuals: {previousFile}");
        }

        o.WriteLine();
        var errors = review.Findings.Count(f => f.Severity == DiagnosticSeverity.Error);
        var warnings = review.Findings.Count(f => f.Severity == DiagnosticSeverity.Warning);
        o.WriteLine(chinese ? $"发现问题 {review.Findings.Length} 项（错误 {errors} 项，警告 {warnings} 项）" : $"{review.Findings.Length} findings ({errors} errors, {warnings} warnings)");
        foreach (var f in review.Findings)
        {
            o.WriteLine($"  {f}");
        }
    }

    private static string ToJson(TargetReviewResult review)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("indicatorSet", review.IndicatorSetId);
            w.WriteString("name", review.Name);
            w.WriteNumber("year", review.Year);
            w.WriteString("checklist", review.Checklist);
            if (review.ProgrammeType is { } t)
            {
                w.WriteString("programmeType", t);
            }

            w.WriteBoolean("comparedWithPreviousYear", review.ComparedWithPreviousYear);
            MonitoringTableWriters.WriteFindings(w, review.Findings);
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
