using System.Globalization;
using PerfEval.Evaluation;
using PerfEval.Monitoring;
using PerfEval.Reporting;

namespace PerfEval.Cli;

/// <summary>
/// <c>evaluate</c> on a folder with monitoring points: after the self-evaluation table, how each indicator moved since
/// the last monitoring point, with the likelihood and the reasons given then. Nothing is written for a folder without
/// monitoring points, so the output of such folders is unchanged.
/// </summary>
internal static class HistoryText
{
    public static void Write(string folder, EvaluationResult yearEnd, Evaluator evaluator, TextWriter o)
    {
        if (!Directory.Exists(folder) || RuleFolderHistory.MonitoringFiles(folder).Length == 0)
        {
            return;
        }

        var chinese = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";
        var (latest, file, diagnostics) = RuleFolderHistory.LatestPoint(folder);
        var set = latest is null ? null : RuleFolderHistory.ReadSet(folder, TextWriter.Null);
        if (latest is null || set is null)
        {
            o.WriteLine(chinese ? "监控时点无法读取：" : "The monitoring points cannot be read:");
            foreach (var d in diagnostics)
            {
                o.WriteLine($"  {d}");
            }

            o.WriteLine();
            return;
        }

        var point = PerformanceMonitor.Assess(set, latest, evaluator);
        var moves = YearHistory.Compare(point, yearEnd);
        var asOf = point.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";
        o.WriteLine(chinese ? $"自上一监控时点（{asOf}，{Path.GetFileName(file)}）以来的变化" : $"Since the last monitoring point ({asOf}, {Path.GetFileName(file)})");
        var rows = new List<string[]>
        {
            chinese
                ? ["三级指标", "监控时值", "当时预计", "当时判断", "年末值", "变化", "完成率", "当时原因类别"]
                : ["Indicator", "Then", "Projected then", "Likelihood then", "Year end", "Change", "Rate", "Reason category then"],
        };
        rows.AddRange(moves.Select(m => new[]
        {
            m.Name + (m.Surprise ? " !" : string.Empty),
            m.AtMonitoring?.Text ?? "—",
            m.ProjectedThen is { } p ? p.ToString("0.##", CultureInfo.InvariantCulture) : "—",
            MonitoringTable.LikelihoodLabel(m.LikelihoodThen, chinese),
            m.YearEnd?.Text ?? "—",
            m.Change is { } c ? c.ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture) : "—",
            m.CompletionRate is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) + "%" : "—",
            m.ReasonCategoryThen is { } cat ? MonitoringTable.CategoryLabel(cat, chinese) : string.Empty,
        }));
        TerminalTable.Print(rows, o, rightAlignFrom: 1, rightAlignTo: 6);
        var reasons = moves.Where(m => m.ReasonThen is not null).ToList();
        if (reasons.Count > 0)
        {
            o.WriteLine(chinese ? "当时所述原因与纠偏措施" : "Reasons and corrections given then");
            foreach (var m in reasons)
            {
                o.WriteLine($"  {m.Name}: {m.ReasonThen} {m.MeasuresThen}".TrimEnd());
            }
        }

        o.WriteLine(chinese ? "（! 表示当时的判断与年末结果不符）" : "(! marks a likelihood the year end did not bear out)");
        o.WriteLine();
    }
}
