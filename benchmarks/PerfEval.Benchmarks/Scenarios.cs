using System.Text.Json;
using PerfEval.Batch;
using PerfEval.Benchmarks.Baselines;
using PerfEval.Benchmarks.Data;
using PerfEval.Deviations;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Loading;

namespace PerfEval.Benchmarks;

/// <summary>The seed example, loaded, and the checks that every contender gives its figures (95.23).</summary>
internal sealed class SeedScenario
{
    public const decimal ExpectedTotal = 95.23m;

    public SeedScenario()
    {
        Folder = Testing.Repository.SeedExample();
        IndicatorsPath = Path.Combine(Folder, PerfEvalJson.IndicatorSetFileName);
        ActualsPath = Path.Combine(Folder, PerfEvalJson.ActualsFileName);
        IndicatorsJson = File.ReadAllText(IndicatorsPath);
        ActualsJson = File.ReadAllText(ActualsPath);
        Programme = PerfEvalJson.ReadProgrammeFolder(Folder).GetValueOrThrow();
        RulesEngine = RulesEngineEvaluator.For(Programme.IndicatorSet);
    }

    public string Folder { get; }

    public string IndicatorsPath { get; }

    public string ActualsPath { get; }

    public string IndicatorsJson { get; }

    public string ActualsJson { get; }

    public Programme Programme { get; }

    public int IndicatorCount => Programme.IndicatorSet.Indicators.Length;

    public Evaluator PerfEval { get; } = new();

    public HandWrittenEvaluator HandWritten { get; } = new();

    public RulesEngineEvaluator RulesEngine { get; }

    /// <summary>Whether PerfEval, the hand-written floor and RulesEngine give 95.23 and the same figures for every indicator.</summary>
    /// <returns>The differences found; empty when they all agree.</returns>
    public List<string> Check()
    {
        var problems = new List<string>();
        var perfEval = PerfEval.Evaluate(Programme);
        if (perfEval.TotalScore != ExpectedTotal)
        {
            problems.Add($"PerfEval evaluates the seed example to {perfEval.TotalScore}, not {ExpectedTotal}.");
        }

        var rulesEngine = RulesEngine.Evaluate(Programme.Actuals, out var ruleResults);
        RulesEngineEvaluator.EnsureRan(ruleResults);
        string?[] differences =
        [
            Checks.Differences(perfEval, HandWritten.Evaluate(Programme), "seed, hand-written"),
            Checks.Differences(perfEval, rulesEngine, "seed, RulesEngine"),

            // The hand-written loading path reads the same files into the same figures.
            Checks.Differences(perfEval, HandWritten.Evaluate(HandWrittenLoader.Read(IndicatorsJson, ActualsJson)), "seed, hand-written loading"),
        ];
        problems.AddRange(differences.OfType<string>());
        return problems;
    }
}

/// <summary>
/// A province-sized batch: generated programmes as JSON text, and the three ways of getting from that text to
/// results, each running on <see cref="Parallelism"/> threads.
/// </summary>
internal sealed class BatchScenario
{
    public BatchScenario(int programmes)
    {
        Programmes = ProgrammeGenerator.Generate(programmes);
        Inputs = new BatchInput[programmes];
        for (var i = 0; i < programmes; i++)
        {
            Inputs[i] = BatchInput.FromJson(Programmes[i].IndicatorsJson, Programmes[i].ActualsJson, Programmes[i].Name);
        }
    }

    public static int Parallelism => Environment.ProcessorCount;

    public GeneratedProgramme[] Programmes { get; }

    public BatchInput[] Inputs { get; }

    public Evaluator PerfEval { get; } = new();

    public HandWrittenEvaluator HandWritten { get; } = new();

    public static int Indicators => ProgrammeGenerator.IndicatorsPerProgramme;

    /// <summary>PerfEval's batch API over <see cref="BatchInput.FromJson"/>; the sum of the total scores.</summary>
    public decimal RunPerfEval(int count)
    {
        var sum = 0m;
        foreach (var item in PerfEval.EvaluateEach(new ArraySegment<BatchInput>(Inputs, 0, count), new BatchOptions { MaxDegreeOfParallelism = Parallelism }))
        {
            sum += item.Result?.TotalScore ?? throw new InvalidOperationException($"{item.Name} could not be read: {string.Join("; ", item.Diagnostics)}");
        }

        return sum;
    }

    /// <summary>System.Text.Json into DTOs, then the hand-written evaluator, on the same number of threads.</summary>
    public decimal RunHandWritten(int count) => Parallel(count, p => HandWritten.Evaluate(HandWrittenLoader.Read(p.IndicatorsJson, p.ActualsJson)).TotalScore);

    /// <summary>System.Text.Json into DTOs, then a new RulesEngine workflow per programme, compiled and executed.</summary>
    public decimal RunRulesEngine(int count) => Parallel(count, p =>
    {
        var programme = HandWrittenLoader.Read(p.IndicatorsJson, p.ActualsJson);
        return RulesEngineEvaluator.For(programme.IndicatorSet).Evaluate(programme.Actuals).TotalScore;
    });

    private decimal Parallel(int count, Func<GeneratedProgramme, decimal> run)
    {
        var sum = 0m;
        var gate = new object();
        System.Threading.Tasks.Parallel.For(
            0,
            count,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
            () => 0m,
            (i, _, local) => local + run(Programmes[i]),
            local =>
            {
                lock (gate)
                {
                    sum += local;
                }
            });
        return sum;
    }

    /// <summary>
    /// On a sample spread over the batch: PerfEval reads every document without errors, and PerfEval (directly and
    /// through the batch API), the hand-written floor and RulesEngine give the same figures.
    /// </summary>
    /// <param name="sample">How many programmes to check, spread over the batch.</param>
    /// <param name="rulesEngineSample">How many of those to check against RulesEngine too (each compiles a workflow).</param>
    /// <returns>The number of read warnings and of programmes checked, what the sample holds, and the differences found.</returns>
    public (int Warnings, int Checked, string Mix, List<string> Problems) Check(int sample, int rulesEngineSample)
    {
        var step = Math.Max(1, Programmes.Length / sample);
        var indices = new List<int>();
        for (var i = 0; i < Programmes.Length && indices.Count < sample; i += step)
        {
            indices.Add(i);
        }

        var warnings = 0;
        var problems = new List<string>();
        var mix = new Mix();
        var viaBatch = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var item in PerfEval.EvaluateEach(indices.Select(i => Inputs[i]), new BatchOptions { MaxDegreeOfParallelism = Parallelism }))
        {
            viaBatch[item.Name] = item.Result?.TotalScore ?? throw new InvalidOperationException($"{item.Name}: {string.Join("; ", item.Diagnostics)}");
        }

        foreach (var i in indices)
        {
            var p = Programmes[i];
            var set = PerfEvalJson.ReadIndicatorSet(p.IndicatorsJson, p.Name + "/indicators.json");
            var actuals = PerfEvalJson.ReadActuals(p.ActualsJson, p.Name + "/actuals.json");
            var errors = set.Diagnostics.AddRange(actuals.Diagnostics).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0 || set.Value is null || actuals.Value is null)
            {
                throw new InvalidOperationException($"PerfEval cannot read generated programme {p.Name}: {string.Join("; ", errors)}\n{p.IndicatorsJson}\n{p.ActualsJson}");
            }

            warnings += set.Diagnostics.Length + actuals.Diagnostics.Length;
            var perfEval = PerfEval.Evaluate(set.Value, actuals.Value);
            mix.Add(perfEval);
            if (perfEval.HasErrors)
            {
                throw new InvalidOperationException($"PerfEval finds errors in generated programme {p.Name}: {string.Join("; ", perfEval.Findings)}");
            }

            if (viaBatch[p.Name] != perfEval.TotalScore)
            {
                problems.Add($"{p.Name}: the batch API gives {viaBatch[p.Name]}, a direct evaluation {perfEval.TotalScore}.");
            }

            var loaded = HandWrittenLoader.Read(p.IndicatorsJson, p.ActualsJson);
            if (Checks.Differences(perfEval, HandWritten.Evaluate(loaded), "batch, hand-written") is { } handDifferences)
            {
                problems.Add(handDifferences);
            }

            if (rulesEngineSample-- > 0)
            {
                var rulesEngine = RulesEngineEvaluator.For(loaded.IndicatorSet).Evaluate(loaded.Actuals, out var ruleResults);
                RulesEngineEvaluator.EnsureRan(ruleResults);
                if (Checks.Differences(perfEval, rulesEngine, "batch, RulesEngine") is { } ruleDifferences)
                {
                    problems.Add(ruleDifferences);
                }
            }
        }

        return (warnings, indices.Count, mix.ToString(), problems);
    }

    /// <summary>What the sampled programmes hold: comparisons, units, outcomes, weights.</summary>
    private sealed class Mix
    {
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
        private int _indicators;

        public void Add(EvaluationResult result)
        {
            foreach (var r in result.Indicators)
            {
                _indicators++;
                Count(r.Target.Comparison switch
                {
                    Comparison.AtLeast or Comparison.GreaterThan => r.Target.ComparisonInferred ? "bare ≥" : "≥",
                    Comparison.AtMost or Comparison.LessThan => r.Target.ComparisonInferred ? "bare ≤" : "≤",
                    Comparison.Equal => "＝",
                    Comparison.Deadline => "deadline",
                    Comparison.Qualitative => "qualitative",
                    _ => "range",
                });
                if (r.Target.IsPercent)
                {
                    Count("percent");
                }

                Count(r.Status switch
                {
                    IndicatorStatus.Met => "met",
                    IndicatorStatus.PartiallyMet => "partially met",
                    IndicatorStatus.NotMet => "not met",
                    _ => "other status",
                });
                if (r.Deviation.Triggers.Contains(ExplanationTrigger.OverAchievement))
                {
                    Count("over-achieved");
                }

                if (!r.WeightFilled)
                {
                    Count("explicit weight");
                }
            }
        }

        private void Count(string key) => _counts[key] = _counts.GetValueOrDefault(key) + 1;

        public override string ToString() =>
            string.Join(", ", _counts.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {100.0 * p.Value / _indicators:0}%"));
    }
}

/// <summary>What cold start and loading read: the seed example's two files.</summary>
internal static class SeedFiles
{
    /// <summary>The baseline of cold start: read both files and parse them into JSON documents, nothing more.</summary>
    public static int ReadAndParse(string indicatorsPath, string actualsPath)
    {
        using var set = JsonDocument.Parse(File.ReadAllText(indicatorsPath));
        using var actuals = JsonDocument.Parse(File.ReadAllText(actualsPath));
        return set.RootElement.GetProperty("indicators").GetArrayLength() + actuals.RootElement.GetPropertyCount();
    }
}
