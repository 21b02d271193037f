using System.Globalization;
using PerfEval.Audit;
using PerfEval.Loading;

namespace PerfEval.Cli;

/// <summary><c>perfeval audit</c>: recomputes what submitted reports state.</summary>
internal static class AuditCommand
{
    public static int Run(CliApp.EvaluateRequest request, string[] claims, TextWriter output, TextWriter error)
    {
        var conclusionClaims = claims.Length == 0 ? ConclusionClaims.Default : ConclusionClaims.Default.WithPhrases(claims);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(request.Lang == "en" ? "en" : "zh-Hans");
        try
        {
            if (CliApp.BuildEvaluator(request, error) is not { } evaluator)
            {
                return CliApp.InputErrors;
            }

            var inputs = InputResolver.Resolve(request.Paths, out var problems);
            foreach (var p in problems)
            {
                error.WriteLine(p);
            }

            if (inputs.Count == 0)
            {
                return CliApp.UsageError;
            }

            var exit = problems.Count > 0 ? CliApp.InputErrors : CliApp.Ok;
            var progress = new Progress(inputs.Count, error);
            var json = new List<string>();
            foreach (var input in inputs)
            {
                progress.Next(input.IndicatorSetPath);
                var load = input.Read(folderPolicy: request.Policy is null);
                if (load.Value is null)
                {
                    CliApp.WriteDiagnostics(load.Diagnostics, error);
                    exit = CliApp.InputErrors;
                    continue;
                }

                var result = Auditor.Audit(evaluator.Evaluate(load.Value), load.Value.Actuals, claims: conclusionClaims);
                if (result.HasErrors)
                {
                    exit = CliApp.InputErrors;
                }

                if (request.Format == "json")
                {
                    json.Add(AuditJson.ToJson(result).TrimEnd());
                }
                else
                {
                    WriteText(result, output, request.Lang != "en");
                }
            }

            progress.Done();
            if (request.Format == "json")
            {
                output.WriteLine(json.Count == 1 ? json[0] : "[\n" + string.Join(",\n", json) + "\n]");
            }

            return exit;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static void WriteText(AuditResult audit, TextWriter o, bool chinese)
    {
        o.WriteLine(chinese ? $"{audit.Evaluation.Name} 抽查复核" : $"{audit.Evaluation.Name}: audit");
        if (audit.Comparisons.Length > 0)
        {
            o.WriteLine();
            var rows = new List<string[]> { chinese ? ["项目", "陈述值", "复算值", "结论"] : ["Figure", "Stated", "Recomputed", "Result"] };
            rows.AddRange(audit.Comparisons.Select(c => new[] { c.Label, c.Stated, c.Recomputed, c.Agrees ? (chinese ? "一致" : "agrees") : (chinese ? "不一致" : "DISAGREES") }));
            TerminalTable.Print(rows, o, rightAlignFrom: 1, rightAlignTo: 2);
        }

        o.WriteLine();
        var errors = audit.Findings.Count(f => f.Severity == Diagnostics.DiagnosticSeverity.Error);
        o.WriteLine(chinese ? $"发现问题 {audit.Findings.Length} 项（错误 {errors} 项）" : $"{audit.Findings.Length} findings ({errors} errors)");
        foreach (var f in audit.Findings)
        {
            o.WriteLine($"  {f}");
        }

        o.WriteLine();
    }
}
