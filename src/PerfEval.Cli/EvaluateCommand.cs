using System.Globalization;
using PerfEval.Batch;
using PerfEval.Loading;

namespace PerfEval.Cli;

/// <summary><c>perfeval evaluate</c>: evaluates programmes (folders, file pairs, JSON Lines) and prints their tables or JSON.</summary>
internal static class EvaluateCommand
{
    public static int Run(CliApp.EvaluateRequest request, TextWriter output, TextWriter error)
    {
        var (format, lang) = (request.Format, request.Lang);
        if (request.Detail == "summary" && format == "text")
        {
            error.WriteLine("--detail summary needs --format json or jsonl.");
            return CliApp.UsageError;
        }

        if (request.History && format != "text")
        {
            error.WriteLine("--history needs --format text.");
            return CliApp.UsageError;
        }

        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(lang == "en" ? "en" : "zh-Hans");
        try
        {
            if (CliApp.BuildEvaluator(request, error) is not { } evaluator)
            {
                return request.Policy is { } p0 && !File.Exists(p0) && !PolicyCatalog.BuiltIn.TryGet(p0, out _) ? CliApp.UsageError : CliApp.InputErrors;
            }

            var inputs = InputResolver.ResolveBatch(request.Paths, (FolderPolicy: request.Policy is null, CountUpTo: Progress.Shows(error) ? int.MaxValue : 2), out var problems, out var count);
            foreach (var p in problems)
            {
                error.WriteLine(p);
            }

            if (count == 0)
            {
                return problems.Count > 0 ? CliApp.UsageError : CliApp.InputErrors;
            }

            // Programmes stream through the batch evaluator: in parallel, in order, a few at a time in memory.
            var exit = problems.Count > 0 ? CliApp.InputErrors : CliApp.Ok;
            var many = count > 1;
            var progress = new Progress(count, error);
            if (format != "text")
            {
                // Read, evaluated and written as JSON on the workers; put out here in input order.
                return JsonBatchOutput.Write(evaluator, inputs, lines: format == "jsonl", summary: request.Detail == "summary", many, progress, output, error, exit);
            }

            foreach (var item in evaluator.EvaluateEach(inputs, new BatchOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }))
            {
                progress.Next(item.Name);
                if (item.Result is not { } result)
                {
                    progress.Interrupt();
                    CliApp.WriteDiagnostics(item.Diagnostics, error);
                    exit = CliApp.InputErrors;
                    continue;
                }

                if (result.HasErrors)
                {
                    exit = CliApp.InputErrors;
                }

                TerminalTable.Write(result, output, chinese: lang != "en");
                if (request.History)
                {
                    HistoryText.Write(item.Name, result, evaluator, output);
                }
                output.WriteLine();
            }

            progress.Done();
            return exit;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
