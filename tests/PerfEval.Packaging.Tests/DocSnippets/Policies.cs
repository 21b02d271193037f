using PerfEval.Evaluation;
using PerfEval.Loading;
using PerfEval.Scoring;

namespace Samples;

public static class Policies
{
    /// <summary>A built-in regional policy, by name (mof-2020, regional-budget20, regional-inverse-ratio).</summary>
    public static Evaluator Regional(string name) =>
        PolicyCatalog.BuiltIn.TryGet(name, out var policy)
            ? new Evaluator(policy)
            : throw new ArgumentException($"No built-in policy is named '{name}'; there are {string.Join(", ", PolicyCatalog.BuiltIn.Names)}.", nameof(name));

    /// <summary>The national rules with one change: a ≤ target that is beaten scores by target ÷ actual.</summary>
    public static Evaluator InverseRatio() =>
        new(ScoringPolicy.Mof2020 with { Name = "mof-2020-inverse-ratio", LessIsBetter = LessIsBetterConvention.InverseRatio });

    /// <summary>A policy written as JSON (rules/schema/policy.schema.json) over a built-in one.</summary>
    public static Evaluator FromJson()
    {
        const string json = """
            {
              "name": "city-2025",
              "extends": "mof-2020",
              "overAchievement": { "reviewAt": 150 }
            }
            """;
        ScoringPolicy policy = PerfEvalJson.ReadScoringPolicy(json, "city-2025.json", PolicyCatalog.BuiltIn).GetValueOrThrow();

        // The default policy, and one that indicator sets can name ("policy": "city-2025").
        return new Evaluator(new PerfEvalOptions { Policy = policy, Policies = PolicyCatalog.BuiltIn.With(policy) });
    }
}
