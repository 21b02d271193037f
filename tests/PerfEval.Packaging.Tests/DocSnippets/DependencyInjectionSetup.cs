using Microsoft.Extensions.DependencyInjection;
using PerfEval.DependencyInjection;
using PerfEval.Evaluation;
using PerfEval.Loading;
using PerfEval.Scoring;

namespace Samples;

public static class DependencyInjectionSetup
{
    /// <summary>Registers one shared IEvaluator, with the national policy and a rule template applied to every set.</summary>
    public static ServiceProvider BuildProvider(string ruleTemplateFile)
    {
        var services = new ServiceCollection();
        services.AddPerfEval(options =>
        {
            options.Policy = ScoringPolicy.Mof2020;   // for sets that name no policy; sets may name any built-in one
            options.RuleTemplates.Add(PerfEvalJson.ReadRuleTemplateFile(ruleTemplateFile).GetValueOrThrow());
        });
        services.AddSingleton<SelfEvaluationService>();
        return services.BuildServiceProvider();
    }
}

/// <summary>An application service that receives the evaluator by injection.</summary>
public sealed class SelfEvaluationService(IEvaluator evaluator)
{
    public EvaluationResult Evaluate(string folder) =>
        evaluator.Evaluate(PerfEvalJson.ReadProgrammeFolder(folder).GetValueOrThrow());
}
