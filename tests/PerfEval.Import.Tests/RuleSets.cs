using System.Globalization;
using PerfEval.Evaluation;
using PerfEval.Loading;

namespace PerfEval.Import.Tests;

/// <summary>The rule sets the round trip is run on: the repository's example and test sets, and sets that reach every kind of target.</summary>
public static class RuleSets
{
    /// <summary>The names of the rule sets, for theories.</summary>
    public static TheoryData<string> Names => new(All);

    /// <summary>The names of the rule sets.</summary>
    public static IReadOnlyList<string> All { get; } = ["seed", "corpus-good", "corpus-control-characters", "kinds", "regional-policy", "cost-tree"];

    /// <summary>A rule set by name, read from its files.</summary>
    public static Programme Load(string name)
    {
        var root = Testing.Repository.Root();
        var corpus = Path.Combine(root, "tests", "PerfEval.Tests", "Security", "Corpus");
        var load = name switch
        {
            "seed" => PerfEvalJson.ReadProgrammeFolder(Testing.Repository.SeedExample()),
            "corpus-good" => PerfEvalJson.ReadProgrammeFolder(Path.Combine(corpus, "good")),
            "corpus-control-characters" => PerfEvalJson.ReadProgrammeFiles(Path.Combine(corpus, "cli", "control-characters.indicators.json"), Path.Combine(corpus, "cli", "control-characters.actuals.json")),
            _ => PerfEvalJson.ReadProgrammeFiles(Path.Combine(AppContext.BaseDirectory, "Sets", name + ".indicators.json"), Path.Combine(AppContext.BaseDirectory, "Sets", name + ".actuals.json")),
        };
        return load.GetValueOrThrow();
    }

    /// <summary>Evaluates a programme with messages in invariant culture.</summary>
    public static EvaluationResult Evaluate(Programme programme)
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        try
        {
            return new Evaluator().Evaluate(programme);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }
}
