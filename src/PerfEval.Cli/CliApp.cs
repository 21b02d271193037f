using System.CommandLine;
using System.Globalization;
using PerfEval.Batch;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Loading;

namespace PerfEval.Cli;

/// <summary>
/// The perfeval command line. Exit codes: 0 no errors, 1 errors in the input, 2 a wrong command line, 3 output that
/// could not be written (PE5001).
/// </summary>
internal static class CliApp
{
    public const int Ok = 0;
    public const int InputErrors = 1;
    public const int UsageError = 2;
    public const int OutputError = 3;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        // Control characters from the documents are shown escaped, and a failure to write is reported, whatever is printed.
        output = output as TerminalWriter ?? new TerminalWriter(output, "standard output");
        error = error as TerminalWriter ?? new TerminalWriter(error, "standard error");
        try
        {
            return Parse(args, output, error);
        }
        catch (OutputFailedException e)
        {
            return ReportOutputFailure(e, error);
        }
    }

    /// <summary>Says that output could not be written (on standard error, unless that is what failed) and gives exit code 3.</summary>
    private static int ReportOutputFailure(OutputFailedException failure, TextWriter error)
    {
        try
        {
            object target = failure.Target == "standard output" ? MessageText.Of("word.standardOutput") : failure.Target;
            error.WriteLine(OutputFile.Unwritable(target, failure.Reason).ToString());
        }
        catch (OutputFailedException)
        {
            // Standard error cannot be written either: the exit code is all that is left.
        }

        return OutputError;
    }

    /// <summary>Runs a command's action; output that cannot be written ends it with PE5001 (in the command's language) and exit code 3.</summary>
    internal static int Guarded(Func<int> action, string lang, TextWriter error)
    {
        try
        {
            return action();
        }
        catch (OutputFailedException e)
        {
            var previous = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(lang == "en" ? "en" : "zh-Hans");
            try
            {
                return ReportOutputFailure(e, error);
            }
            finally
            {
                CultureInfo.CurrentUICulture = previous;
            }
        }
    }

    private static int Parse(string[] args, TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "A programme folder (indicators.json + actuals.json), a folder of such folders, an indicator-set file and an actuals file, or a JSON Lines file (.jsonl) with one programme per line.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "text (the self-evaluation table), json (the result; an array for several programmes) or jsonl (one result per line).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "jsonl");
        var lang = new Option<string>("--lang")
        {
            Description = "zh (default) or en: the language of the table and of the messages.",
            DefaultValueFactory = _ => "zh",
        };
        lang.AcceptOnlyFromAmong("zh", "en");

        var policy = new Option<string?>("--policy")
        {
            Description = "The scoring policy for sets that name none: a built-in name (mof-2020, regional-budget20, regional-inverse-ratio) or a policy file.",
        };
        var rules = new Option<string[]>("--rules")
        {
            Description = "A rule template file (reason rules, consistency rules) applied to every set; may be given more than once.",
            AllowMultipleArgumentsPerToken = false,
        };

        var detail = new Option<string>("--detail")
        {
            Description = "With json or jsonl: full (the whole result, the default) or summary (one compact object per programme: name, total score, grade, execution rate, indicators per status, finding codes).",
            DefaultValueFactory = _ => "full",
        };
        detail.AcceptOnlyFromAmong("full", "summary");

        var history = new Option<bool>("--history")
        {
            Description = "With text: after each table, how each indicator moved since the folder's last monitoring point (monitoring/*.json), with the reasons given then.",
        };

        var evaluate = new Command("evaluate", "Evaluate programmes and print the self-evaluation table (自评表) or the JSON result.")
        {
            paths,
            format,
            lang,
            policy,
            rules,
            detail,
            history,
        };
        evaluate.SetAction(parse => Guarded(
            () => EvaluateCommand.Run(
                new EvaluateRequest(parse.GetValue(paths)!, parse.GetValue(format)!, parse.GetValue(lang)!, parse.GetValue(policy), parse.GetValue(rules) ?? [], parse.GetValue(detail)!, parse.GetValue(history)),
                output,
                error),
            parse.GetValue(lang)!,
            error));

        var reportPaths = new Argument<string[]>("paths")
        {
            Description = "A programme folder (indicators.json + actuals.json) or an indicator-set file and an actuals file.",
            Arity = ArgumentArity.OneOrMore,
        };
        var reportFormat = new Option<string>("--format", "-f")
        {
            Description = "md, csv, html, xlsx, json or narrative (the figures section of the report, in Chinese).",
            DefaultValueFactory = _ => "md",
        };
        reportFormat.AcceptOnlyFromAmong(ReportFormats.Names);
        var reportLang = new Option<string>("--lang")
        {
            Description = "zh (default) or en: the language of the table.",
            DefaultValueFactory = _ => "zh",
        };
        reportLang.AcceptOnlyFromAmong("zh", "en");
        var outputFile = new Option<string?>("--output", "-o") { Description = "The file to write (written whole or not at all; exit code 3 when it cannot be written); standard output when omitted (xlsx needs a file)." };
        var reportPolicy = new Option<string?>("--policy") { Description = policy.Description };
        var reportRules = new Option<string[]>("--rules") { Description = rules.Description };
        var report = new Command("report", "Write the self-evaluation table (自评表) or the report's figures section.")
        {
            reportPaths,
            reportFormat,
            reportLang,
            outputFile,
            reportPolicy,
            reportRules,
        };
        report.SetAction(parse => Guarded(
            () => Report(
                new EvaluateRequest(parse.GetValue(reportPaths)!, parse.GetValue(reportFormat)!, parse.GetValue(reportLang)!, parse.GetValue(reportPolicy), parse.GetValue(reportRules) ?? []),
                parse.GetValue(outputFile),
                output,
                error),
            parse.GetValue(reportLang)!,
            error));

        var auditPaths = new Argument<string[]>("paths")
        {
            Description = "Programme folders whose actuals.json carries what the submitted report states (\"stated\"), or a folder of such folders.",
            Arity = ArgumentArity.OneOrMore,
        };
        var auditFormat = new Option<string>("--format", "-f") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        auditFormat.AcceptOnlyFromAmong("text", "json");
        var auditLang = new Option<string>("--lang") { Description = "zh (default) or en.", DefaultValueFactory = _ => "zh" };
        auditLang.AcceptOnlyFromAmong("zh", "en");
        var auditPolicy = new Option<string?>("--policy") { Description = policy.Description };
        var auditRules = new Option<string[]>("--rules") { Description = rules.Description };
        var auditClaims = new Option<string[]>("--claim")
        {
            Description = "A phrase that, in a report's conclusion, claims every target was met (checked by PE4007), besides the built-in ones; may be repeated.",
        };
        var audit = new Command("audit", "Recompute every figure a submitted report states and list each disagreement (抽查复核). Exit code 1 when errors are found.")
        {
            auditPaths,
            auditFormat,
            auditLang,
            auditPolicy,
            auditRules,
            auditClaims,
        };
        audit.SetAction(parse => Guarded(
            () => AuditCommand.Run(
                new EvaluateRequest(parse.GetValue(auditPaths)!, parse.GetValue(auditFormat)!, parse.GetValue(auditLang)!, parse.GetValue(auditPolicy), parse.GetValue(auditRules) ?? []),
                parse.GetValue(auditClaims) ?? [],
                output,
                error),
            parse.GetValue(auditLang)!,
            error));

        // Named "perfeval" (the tool's command), not after the executable: RootCommand would take the name of the
        // assembly that runs (PerfEval.Cli) for the help's usage line. The two options RootCommand adds are added here.
        var root = new Command("perfeval", "PerfEval: performance self-evaluation (绩效自评) of public-budget programmes.") { evaluate, report, audit, ReviewCommand.Build(output, error) };
        root.Options.Add(new System.CommandLine.Help.HelpOption());
        root.Options.Add(new VersionOption());
        root.Subcommands.Add(ImportCommand.Create(output, error));
        root.Subcommands.Add(ReviewTargetsCommand.Create(output, error));
        root.Subcommands.Add(MonitorCommand.Create(output, error));
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var e in result.Errors)
            {
                error.WriteLine(e.Message);
            }

            error.WriteLine("Try 'perfeval --help'.");
            return UsageError;
        }

        return result.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    internal sealed record EvaluateRequest(string[] Paths, string Format, string Lang, string? Policy, string[] Rules, string Detail = "full", bool History = false);

    private static int Report(EvaluateRequest request, string? outputFile, TextWriter output, TextWriter error)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(request.Lang == "en" ? "en" : "zh-Hans");
        try
        {
            if (BuildEvaluator(request, error) is not { } evaluator)
            {
                return InputErrors;
            }

            var inputs = InputResolver.Resolve(request.Paths, out var problems);
            foreach (var p in problems)
            {
                error.WriteLine(p);
            }

            if (inputs.Count != 1)
            {
                error.WriteLine(inputs.Count == 0 ? "Nothing to report on." : "report writes one programme at a time; give one folder or one pair of files.");
                return UsageError;
            }

            var load = inputs[0].Read(folderPolicy: request.Policy is null);
            if (load.Value is null)
            {
                WriteDiagnostics(load.Diagnostics, error);
                return InputErrors;
            }

            var result = evaluator.Evaluate(load.Value);
            WriteDiagnostics(result.Findings.Where(f => f.Severity == DiagnosticSeverity.Error), error);
            var written = ReportFormats.Write(result, request.Format, request.Lang != "en", outputFile, output, error);
            return written != Ok ? written : result.HasErrors ? InputErrors : Ok;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>The evaluator the options ask for; null (after printing why) when a policy or template cannot be read.</summary>
    internal static Evaluator? BuildEvaluator(EvaluateRequest request, TextWriter error)
    {
        var options = new PerfEvalOptions();
        var ok = true;
        if (request.Policy is { } policy)
        {
            if (PolicyCatalog.BuiltIn.TryGet(policy, out var named))
            {
                options.Policy = named;
            }
            else if (File.Exists(policy))
            {
                var read = PerfEvalJson.ReadScoringPolicyFile(policy, PolicyCatalog.BuiltIn);
                WriteDiagnostics(read.Diagnostics, error);
                if (read.Value is { } p)
                {
                    options.Policy = p;
                }
                else
                {
                    ok = false;
                }
            }
            else
            {
                error.WriteLine($"{policy}: neither a built-in policy ({string.Join(", ", PolicyCatalog.BuiltIn.Names)}) nor a file.");
                ok = false;
            }
        }

        foreach (var file in request.Rules)
        {
            var read = PerfEvalJson.ReadRuleTemplateFile(file);
            WriteDiagnostics(read.Diagnostics, error);
            if (read.Value is { } template)
            {
                options.RuleTemplates.Add(template);
            }
            else
            {
                ok = false;
            }
        }

        return ok ? new Evaluator(options) : null;
    }

    public static void WriteDiagnostics(IEnumerable<Diagnostic> diagnostics, TextWriter error)
    {
        foreach (var d in diagnostics)
        {
            error.WriteLine(d.ToString());
        }
    }
}
