using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Loading;
using PerfEval.Reporting;

namespace PerfEval.Tests.Security;

/// <summary>
/// The promises every reader and the evaluator make whatever the input: nothing is thrown, a document with an
/// error yields no value, a document without a value says why, and an evaluation explains every figure it could
/// not compute. Each check returns what broke the promise (nothing when it was kept), so that callers can collect
/// problems over many inputs and report them together.
/// </summary>
internal static class Promises
{
    /// <summary>A load result keeps its promise: a value and no error, or no value and at least one error.</summary>
    public static IEnumerable<string> OfLoad<T>(LoadResult<T> result)
        where T : class
    {
        var errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        if (result.Value is null && errors == 0)
        {
            yield return "no value, and no error says why";
        }

        if (result.Value is not null && errors > 0)
        {
            yield return $"a value despite {errors} error(s)";
        }

        if (result.Succeeded != result.Value is not null)
        {
            yield return "Succeeded disagrees with Value";
        }

        foreach (var d in result.Diagnostics)
        {
            if (string.IsNullOrEmpty(d.Code) || string.IsNullOrEmpty(d.Message) || !d.Path.StartsWith('$'))
            {
                yield return $"a diagnostic without a code, a message or a JSON path: {d}";
            }

            if (d.Location is { } l && (l.Line < 1 || l.Column < 1))
            {
                yield return $"a diagnostic at an impossible place: {d}";
            }
        }
    }

    /// <summary>
    /// An evaluation keeps its promise: every indicator left <see cref="IndicatorStatus.Missing"/> is named by a
    /// finding (in its path or its arguments), scores stay within their weights, the total adds up, and the result
    /// can be written as JSON.
    /// </summary>
    public static IEnumerable<string> OfEvaluation(EvaluationResult result)
    {
        foreach (var i in result.Indicators)
        {
            if (i.Status == IndicatorStatus.Missing && !result.Findings.Any(f => Names(f, i.Id)))
            {
                yield return $"the indicator '{i.Id}' has no figures, and no finding names it";
            }

            if (i.Score < 0 || i.Score > i.Weight)
            {
                yield return $"the indicator '{i.Id}' scores {i.Score} of {i.Weight}";
            }
        }

        if (result.Budget.Score < 0 || result.Budget.Score > result.Budget.Weight)
        {
            yield return $"the budget scores {result.Budget.Score} of {result.Budget.Weight}";
        }

        var sum = result.Budget.Score + result.Indicators.Sum(i => i.Score);
        if (result.TotalScore != sum)
        {
            yield return $"the total {result.TotalScore} is not the sum of the scores {sum}";
        }

        string? failure = null;
        try
        {
            _ = ResultJson.ToJson(result);
        }
        catch (Exception e)
        {
            failure = $"ResultJson.ToJson threw {e.GetType().Name}: {e.Message}";
        }

        if (failure is not null)
        {
            yield return failure;
        }
    }

    /// <summary>Whether a finding names an indicator: its entry's path in the actuals, or its id among the arguments.</summary>
    public static bool Names(Diagnostic finding, string id)
    {
        var entry = JsonTree.ChildPath("$.indicators", id);
        return finding.Path == entry
            || finding.Path.StartsWith(entry + ".", StringComparison.Ordinal)
            || finding.Arguments.Values.Any(v => v == id);
    }

    /// <summary>Runs <paramref name="work"/> on the thread pool and waits at most <paramref name="limit"/>.</summary>
    /// <returns>The work's result, or what went wrong: an exception that escaped, or the time running out.</returns>
    public static (T? Value, string? Failure, TimeSpan Elapsed) Within<T>(TimeSpan limit, Func<T> work)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var task = Task.Run(work);
        try
        {
            if (!task.Wait(limit))
            {
                return (default, $"did not finish within {limit.TotalSeconds:0} s", watch.Elapsed);
            }

            return (task.Result, null, watch.Elapsed);
        }
        catch (AggregateException e)
        {
            var inner = e.InnerException ?? e;
            return (default, $"{inner.GetType().FullName} escaped: {inner.Message}", watch.Elapsed);
        }
    }
}
