using System.Text;
using PerfEval.Evaluation;
using PerfEval.Reporting;

namespace PerfEval.Cli;

/// <summary>The formats of <c>perfeval report</c>.</summary>
internal static class ReportFormats
{
    public static readonly string[] Names = ["md", "csv", "html", "xlsx", "json", "narrative"];

    /// <summary>Writes the result in a format to a file or to <paramref name="output"/>; false (after saying why) when it cannot.</summary>
    public static bool Write(EvaluationResult result, string format, bool chinese, string? file, TextWriter output, TextWriter error)
    {
        var table = SelfEvaluationTable.From(result, new TableOptions { Chinese = chinese });
        if (format == "xlsx")
        {
            if (file is null)
            {
                error.WriteLine("xlsx is a binary format: give a file with -o.");
                return false;
            }

            using var stream = File.Create(file);
            Excel.ExcelTableWriter.Write(table, stream);
            return true;
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
                return false;
        }

        if (file is null)
        {
            output.Write(text);
            return true;
        }

        // CSV gets a byte-order mark so that spreadsheet programs read its Chinese text as UTF-8.
        File.WriteAllText(file, text, format == "csv" ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: true) : new UTF8Encoding(false));
        return true;
    }
}
