using System.Text;
using PerfEval.Evaluation;
using PerfEval.Excel;
using PerfEval.Reporting;

namespace Samples;

public static class Reports
{
    /// <summary>Writes the self-evaluation table (项目支出绩效自评表) in every format, and the report's draft text.</summary>
    public static void WriteAll(EvaluationResult result, string folder)
    {
        SelfEvaluationTable table = SelfEvaluationTable.From(result);   // Chinese labels, with a 完成率 column

        File.WriteAllText(Path.Combine(folder, "table.md"), TableWriters.ToMarkdown(table));
        File.WriteAllText(Path.Combine(folder, "table.csv"), TableWriters.ToCsv(table), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        File.WriteAllText(Path.Combine(folder, "table.html"), TableWriters.ToHtml(table));
        using (var xlsx = File.Create(Path.Combine(folder, "table.xlsx")))
        {
            ExcelTableWriter.Write(table, xlsx);   // the PerfEval.Excel package
        }

        // Sections 二 (绩效情况分析) and 三 (偏离绩效目标的原因和下一步改进措施) of the report, in Chinese.
        File.WriteAllText(Path.Combine(folder, "report.txt"), ReportDraft.ToChinese(result));
    }

    /// <summary>The table with English labels and separate comparison and unit columns.</summary>
    public static string EnglishMarkdown(EvaluationResult result) =>
        TableWriters.ToMarkdown(SelfEvaluationTable.From(result, new TableOptions { Chinese = false, ComparisonColumn = true, UnitColumn = true }));
}
