using System.Text;
using PerfEval.Evaluation;
using PerfEval.Reporting;

namespace PerfEval.Cli;

/// <summary>The formats of <c>perfeval report</c>.</summary>
internal static class ReportFormats
{
    public static readonly string[] Names = ["md", "csv", "html", "xlsx", "json", "narrative"];

    /// <summary>
    /// Writes the result in a format to a file or to <paramref name="output"/>: <see cref="CliApp.Ok"/> when written,
    /// <see cref="CliApp.UsageError"/> (after saying why) for a format that needs a file, <see cref="CliApp.OutputError"/>
    /// (after PE5001) when the file cannot be written; nothing is then left behind.
    /// </summary>
    public static int Write(EvaluationResult result, string format, bool chinese, string? file, TextWriter output, TextWriter error)
    {
        var table = SelfEvaluationTable.From(result, new TableOptions { Chinese = chinese });
        if (format == "xlsx")
        {
            if (file is null)
            {
                error.WriteLine("xlsx is a binary format: give a file with -o.");
                return CliApp.UsageError;
            }

            return ToFile(file, stream => Excel.ExcelTableWriter.Write(table, stream), error);
        }

        string text;
        switch (format)
        {
            case "md":
                text = TableWriters.ToMarkdown(table);
                break;
            case "csv":
                text = TableWriters.ToCsv(table);
                break;
            case "html":
                text = TableWriters.ToHtml(table);
                break;
            case "json":
                text = ResultJson.ToJson(result);
                break;
            case "narrative":
                text = ReportDraft.ToChinese(result);
                break;
            default:
                error.WriteLine($"The format '{format}' is not available yet.");
                return CliApp.UsageError;
        }

        if (file is null)
        {
            output.Write(text);
            return CliApp.Ok;
        }

        // CSV gets a byte-order mark so that spreadsheet programs read its Chinese text as UTF-8.
        var encoding = format == "csv" ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: true) : new UTF8Encoding(false);
        return ToFile(
            file,
            stream =>
            {
                stream.Write(encoding.GetPreamble());
                stream.Write(encoding.GetBytes(text));
            },
            error);
    }

    private static int ToFile(string file, Action<Stream> write, TextWriter error)
    {
        if (OutputFile.TryWrite(file, write) is not { } reason)
        {
            return CliApp.Ok;
        }

        error.WriteLine(OutputFile.Unwritable(file, reason).ToString());
        return CliApp.OutputError;
    }
}
