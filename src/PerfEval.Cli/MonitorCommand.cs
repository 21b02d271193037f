using System.CommandLine;
using System.Globalization;
using System.Text;
using PerfEval.Diagnostics;
using PerfEval.Loading;
using PerfEval.Monitoring;
using PerfEval.Reporting;

namespace PerfEval.Cli;

/// <summary><c>perfeval monitor</c>: the monitoring table (绩效运行监控表) of a folder's latest monitoring point.</summary>
internal static class MonitorCommand
{
    public static readonly string[] Formats = ["text", "md", "csv", "html", "json", "xlsx"];

    public static Command Create(TextWriter output, TextWriter error)
    {
        var path = new Argument<string>("folder") { Description = "A programme folder with indicators.json and monitoring/*.json (actuals with an \"asOf\" date)." };
        var point = new Option<string?>("--point") { Description = "The monitoring file to report on; by default the latest of monitoring/*.json by its asOf date." };
        var format = new Option<string>("--format", "-f") { Description = "text, md, csv, html, json or xlsx (xlsx needs -o).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(Formats);
        var lang = new Option<string>("--lang") { Description = "zh (default) or en.", DefaultValueFactory = _ => "zh" };
        lang.AcceptOnlyFromAmong("zh", "en");
        var file = new Option<string?>("--output", "-o") { Description = "The file to write (written whole or not at all; exit code 3 when it cannot be written); standard output when omitted." };
        var policy = new Option<string?>("--policy") { Description = "The scoring policy for sets that name none: a built-in name or a policy file." };
        var rules = new Option<string[]>("--rules") { Description = "A rule template file; may be given more than once." };
        var command = new Command("monitor", "Write the monitoring table (绩效运行监控表): progress against the time elapsed, projected year-end values, the likelihood of each target, reasons needed, budget execution. Exit code 1 when errors are found.")
        {
            path, point, format, lang, file, policy, rules,
        };
        command.SetAction(parse => CliApp.Guarded(
            () => Run(
                new CliApp.EvaluateRequest([parse.GetValue(path)!], parse.GetValue(format)!, parse.GetValue(lang)!, parse.GetValue(policy), parse.GetValue(rules) ?? []),
                (parse.GetValue(point), parse.GetValue(file)),
                output,
                error),
            parse.GetValue(lang)!,
            error));
        return command;
    }

    private static int Run(CliApp.EvaluateRequest request, (string? Point, string? File) target, TextWriter output, TextWriter error)
    {
        var previous = CultureInfo.CurrentUICulture;
        var chinese = request.Lang != "en";
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(chinese ? "zh-Hans" : "en");
        try
        {
            var folder = request.Paths[0];
            if (!Directory.Exists(folder))
            {
                error.WriteLine($"{folder}: no such folder.");
                return CliApp.UsageError;
            }

            if (CliApp.BuildEvaluator(request, error) is not { } evaluator)
            {
                return CliApp.InputErrors;
            }

            if (RuleFolderHistory.ReadSet(folder, error) is not { } set)
            {
                return CliApp.InputErrors;
            }

            Actuals.ProgrammeActuals? actuals;
            if (target.Point is { } pointFile)
            {
                var read = PerfEvalJson.ReadActualsFile(pointFile);
                CliApp.WriteDiagnostics(read.Diagnostics, error);
                actuals = read.Value;
            }
            else
            {
                var (latest, _, diagnostics) = RuleFolderHistory.LatestPoint(folder);
                CliApp.WriteDiagnostics(diagnostics, error);
                if (latest is null && diagnostics.Count == 0)
                {
                    error.WriteLine($"{folder}: no monitoring point (monitoring/*.json).");
                    return CliApp.UsageError;
                }

                actuals = latest;
            }

            if (actuals is null)
            {
                return CliApp.InputErrors;
            }

            var report = PerformanceMonitor.Assess(set, actuals, evaluator);
            var written = Write(report, request.Format, chinese, target.File, output, error);
            return written != CliApp.Ok ? written : report.HasErrors ? CliApp.InputErrors : CliApp.Ok;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static int Write(MonitoringReport report, string format, bool chinese, string? file, TextWriter output, TextWriter error)
    {
        var table = MonitoringTable.From(report, chinese);
        if (format == "xlsx" && file is null)
        {
            error.WriteLine("xlsx is a binary format: give a file with -o.");
            return CliApp.UsageError;
        }

        Action<Stream> write;
        if (format == "xlsx")
        {
            write = stream => Excel.ExcelMonitoringWriter.Write(table, stream);
        }
        else
        {
            var text = format switch
            {
                "md" => MonitoringTableWriters.ToMarkdown(table),
                "csv" => MonitoringTableWriters.ToCsv(table),
                "html" => MonitoringTableWriters.ToHtml(table),
                "json" => MonitoringTableWriters.ToJson(report),
                _ => Text(table),
            };
            if (file is null)
            {
                output.Write(text);
                return CliApp.Ok;
            }

            // CSV gets a byte-order mark so that spreadsheet programs read its Chinese text as UTF-8.
            var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: format == "csv");
            write = stream =>
            {
                stream.Write(encoding.GetPreamble());
                stream.Write(encoding.GetBytes(text));
            };
        }

        if (OutputFile.TryWrite(file!, write) is not { } reason)
        {
            return CliApp.Ok;
        }

        error.WriteLine(OutputFile.Unwritable(file!, reason).ToString());
        return CliApp.OutputError;
    }

    /// <summary>The table for a terminal: the figures in aligned columns, the reasons below, then the findings.</summary>
    private static string Text(MonitoringTable table)
    {
        var o = new StringWriter(CultureInfo.InvariantCulture);
        var chinese = table.Chinese;
        o.WriteLine($"{table.Report.Name} {table.Title}");
        o.WriteLine(table.AsOfLine);
        o.WriteLine();
        TerminalTable.Print([[.. table.BudgetColumns], [.. table.BudgetRow]], o, rightAlignFrom: 0, rightAlignTo: 3);
        o.WriteLine();
        var columns = 10;
        var rows = new List<string[]> { table.Columns.Take(columns).ToArray() };
        rows.AddRange(table.Rows.Select(r => r.Take(columns).ToArray()));
        TerminalTable.Print(rows, o, MonitoringTable.FirstFigureColumn, MonitoringTable.LastFigureColumn);
        var explained = table.Report.Indicators.Where(i => i.Reason is not null || i.Measures is not null).ToList();
        if (explained.Count > 0)
        {
            o.WriteLine();
            o.WriteLine(chinese ? "偏差原因与纠偏措施" : "Reasons and corrections");
            foreach (var i in explained)
            {
                o.WriteLine($"  {i.Name}: {i.Reason} {i.Measures}".TrimEnd());
            }
        }

        var findings = table.Report.Findings;
        o.WriteLine();
        var errors = findings.Count(f => f.Severity == DiagnosticSeverity.Error);
        o.WriteLine(chinese ? $"发现问题 {findings.Length} 项（错误 {errors} 项）" : $"{findings.Length} findings ({errors} errors)");
        foreach (var f in findings)
        {
            o.WriteLine($"  {f}");
        }

        return o.ToString();
    }
}
