using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PerfEval.DependencyInjection;
using PerfEval.Evaluation;
using PerfEval.Loading;
using PerfEval.Reporting;

namespace Samples;

public static class EmbeddingSetup
{
    /// <summary>
    /// Two evaluators in one host: the default one from the "PerfEval" section, and one keyed "regional" with
    /// another policy. Both are checked when the host starts (an unknown policy name or setting stops it).
    /// </summary>
    public static IServiceCollection AddEvaluators(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPerfEval(configuration.GetSection("PerfEval"));             // { "PolicyName": "mof-2020", "Culture": "zh-CN" }
        services.AddPerfEval("regional", options => options.PolicyName = "regional-budget20");
        services.Configure<PerfEvalOptions>("regional", options => options.PlanCacheCapacity = 64);
        return services.AddSingleton<EmbeddingService>();
    }
}

/// <summary>A service that reads request bodies without blocking, answers in the caller's language, and keeps results.</summary>
public sealed class EmbeddingService([FromKeyedServices("regional")] IEvaluator regional, IEvaluator national)
{
    /// <summary>Evaluates two posted documents; the findings are in <paramref name="language"/>, whatever the thread's culture.</summary>
    public async Task<(EvaluationResult? Result, IReadOnlyList<string> Errors)> EvaluateAsync(
        Stream indicatorSet, Stream actuals, bool useRegionalPolicy, CultureInfo language, CancellationToken cancellationToken)
    {
        LoadResult<PerfEval.Indicators.IndicatorSet> set = (await PerfEvalJson.ReadIndicatorSetAsync(indicatorSet, "indicators.json", cancellationToken)).InCulture(language);
        LoadResult<PerfEval.Actuals.ProgrammeActuals> read = (await PerfEvalJson.ReadActualsAsync(actuals, "actuals.json", cancellationToken)).InCulture(language);
        if (!set.Succeeded || !read.Succeeded)
        {
            return (null, [.. set.Diagnostics.Concat(read.Diagnostics).Select(d => $"{d.Code} {d.Path}: {d.Message}")]);
        }

        // Succeeded tells the compiler that Value is not null: no '!' needed.
        var evaluator = useRegionalPolicy ? regional : national;
        return (evaluator.EvaluateIn(set.Value, read.Value, language), []);
    }

    /// <summary>Stores a result as JSON, and renders a stored one as the table later, without evaluating again.</summary>
    public static async Task<string> StoreAndRenderAsync(EvaluationResult result, Stream store, CancellationToken cancellationToken)
    {
        await ResultJson.WriteAsync(result, store, indented: false, cancellationToken);
        store.Position = 0;
        EvaluationResult stored = (await ResultJson.ReadAsync(store, cancellationToken)).GetValueOrThrow();
        return TableWriters.ToText(SelfEvaluationTable.From(stored, new TableOptions { Chinese = false }), TableFormat.Markdown);
    }
}
