using PerfEval.Evaluation;
using PerfEval.Loading;

namespace PerfEval.Tests.Golden;

/// <summary>Locates and evaluates the seed example in rules/examples once for the golden tests.</summary>
public sealed class SeedExample
{
    public SeedExample()
    {
        Folder = Testing.Repository.SeedExample();
        Load = PerfEvalJson.ReadProgrammeFolder(Folder);
        Result = new Evaluator().Evaluate(Load.GetValueOrThrow());
    }

    public string Folder { get; }

    public LoadResult<Programme> Load { get; }

    public EvaluationResult Result { get; }

    public IndicatorResult Indicator(string id) => Result.Indicators.Single(i => i.Id == id);

    public static string RepositoryRoot() => Testing.Repository.Root();
}
