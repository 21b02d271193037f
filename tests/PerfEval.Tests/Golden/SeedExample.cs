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
        // Labels in the result follow the UI culture: fix it, so the approved serialization does not depend on the machine.
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.InvariantCulture;
        try
        {
            Result = new Evaluator().Evaluate(Load.GetValueOrThrow());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = culture;
        }
    }

    public string Folder { get; }

    public LoadResult<Programme> Load { get; }

    public EvaluationResult Result { get; }

    public IndicatorResult Indicator(string id) => Result.Indicators.Single(i => i.Id == id);

    public static string RepositoryRoot() => Testing.Repository.Root();
}
