using System.CommandLine;
using System.Globalization;
using System.Text;
using PerfEval.Import;

namespace PerfEval.Cli;

/// <summary>
/// <c>perfeval import &lt;file&gt; [-o folder]</c>: reads a submitted self-evaluation table (.xlsx, .xls, .docx, .html,
/// .pdf) and writes <c>indicators.json</c> and <c>actuals.json</c> (the table's own figures under <c>stated</c>), ready
/// for <c>perfeval evaluate</c> and <c>perfeval audit</c>. Exit codes: 0 imported, 1 findings that are errors (a cell
/// not placed or read, a file that cannot be read; the files are still written when a table was found), 2 a wrong
/// command line or a missing file, 3 output that could not be written.
/// </summary>
internal static class ImportCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <returns>The command.</returns>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "The submitted table: .xlsx, .xls, .docx, .html/.htm or .pdf." };
        var folder = new Option<string?>("--output", "-o") { Description = "The folder to write indicators.json and actuals.json into; by default a folder named after the file, beside it." };
        var year = new Option<int?>("--year") { Description = "The budget year, when the table's title does not state it." };
        var id = new Option<string?>("--id") { Description = "The indicator set's id; by default made from the file's name." };
        var policy = new Option<string?>("--policy") { Description = "The scoring policy the set names (mof-2020, regional-budget20, regional-inverse-ratio): a table does not say which it was scored under." };
        var lang = new Option<string>("--lang") { Description = "zh (default) or en: the language of the messages.", DefaultValueFactory = _ => "zh" };
        lang.AcceptOnlyFromAmong("zh", "en");
        var command = new Command("import", "Read a submitted self-evaluation table (自评表) from .xlsx, .xls, .docx, .html or .pdf and write indicators.json and actuals.json.")
        {
            file, folder, year, id, policy, lang,
        };
        command.SetAction(parse => Run(
            new Request(parse.GetValue(file)!, parse.GetValue(folder), parse.GetValue(year), parse.GetValue(id), parse.GetValue(policy), parse.GetValue(lang)!),
            output,
            error));
        return command;
    }

    private sealed record Request(string File, string? Folder, int? Year, string? Id, string? Policy, string Lang);

    private static int Run(Request request, TextWriter output, TextWriter error)
    {
        var previous = CultureInfo.CurrentUICulture;
        var culture = CultureInfo.GetCultureInfo(request.Lang == "en" ? "en" : "zh-Hans");
        CultureInfo.CurrentUICulture = culture;
        try
        {
            if (!File.Exists(request.File))
            {
                error.WriteLine(request.Lang == "en" ? $"No such file: {request.File}" : $"文件不存在：{request.File}");
                return CliApp.UsageError;
            }

            var result = SubmissionImporter.Import(request.File, new ImportOptions { Year = request.Year, Id = request.Id, PolicyName = request.Policy, Culture = culture });
            CliApp.WriteDiagnostics(result.Diagnostics, error);
            if (result.IndicatorSet is not { } set || result.Actuals is not { } actuals)
            {
                return CliApp.InputErrors;
            }

            var folder = request.Folder ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(request.File)) ?? ".", Path.GetFileNameWithoutExtension(request.File));
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                error.WriteLine(OutputFile.Unwritable(folder, e.Message).ToString());
                return CliApp.OutputError;
            }

            foreach (var (name, json) in new[] { ("indicators.json", SubmissionJson.IndicatorsJson(set)), ("actuals.json", SubmissionJson.ActualsJson(actuals)) })
            {
                var path = Path.Combine(folder, name);
                if (OutputFile.TryWrite(path, stream => stream.Write(new UTF8Encoding(false).GetBytes(json))) is { } reason)
                {
                    error.WriteLine(OutputFile.Unwritable(path, reason).ToString());
                    return CliApp.OutputError;
                }

                output.WriteLine(path);
            }

            return result.HasErrors ? CliApp.InputErrors : CliApp.Ok;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
