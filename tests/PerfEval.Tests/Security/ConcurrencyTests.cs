using System.Collections.Concurrent;
using System.Globalization;
using FluentAssertions;
using PerfEval.Actuals;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Loading;
using PerfEval.Reporting;

namespace PerfEval.Tests.Security;

/// <summary>
/// One <see cref="Evaluator"/> serves every thread: evaluating many distinct programmes in parallel gives exactly
/// what evaluating them one after another gives, byte for byte in the JSON result, including the first use of a
/// set (its preparation and compiled expressions are cached beside it) from several threads at once.
/// </summary>
public sealed class ConcurrencyTests
{
    private const int Sets = 24;
    private const int Programmes = 480;

    [Fact]
    public void One_evaluator_shared_by_many_threads_gives_exactly_the_sequential_results()
    {
        var culture = CultureInfo.CurrentUICulture;

        // In parallel first, on a cold evaluator, with each set read from its JSON by whichever thread needs it first.
        var shared = new Evaluator();
        var sets = Enumerable.Range(0, Sets).Select(k => new Lazy<IndicatorSet>(() => ReadSet(k), LazyThreadSafetyMode.ExecutionAndPublication)).ToArray();
        var parallel = new string[Programmes];
        var threads = new ConcurrentDictionary<int, bool>();
        Parallel.For(0, Programmes, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var previous = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = culture;
            try
            {
                threads[Environment.CurrentManagedThreadId] = true;
                parallel[i] = ResultJson.ToJson(shared.Evaluate(sets[i % Sets].Value, ActualsFor(i)));
            }
            finally
            {
                CultureInfo.CurrentUICulture = previous;
            }
        });

        // Then again on the same, now warm, evaluator, in parallel, in reverse order.
        var again = new string[Programmes];
        Parallel.For(0, Programmes, new ParallelOptions { MaxDegreeOfParallelism = 2 }, j =>
        {
            var i = Programmes - 1 - j;
            var previous = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = culture;
            try
            {
                again[i] = ResultJson.ToJson(shared.Evaluate(sets[i % Sets].Value, ActualsFor(i)));
            }
            finally
            {
                CultureInfo.CurrentUICulture = previous;
            }
        });

        // One after another, on a fresh evaluator and freshly read sets.
        var sequential = new Evaluator();
        var fresh = Enumerable.Range(0, Sets).Select(ReadSet).ToArray();
        var expected = Enumerable.Range(0, Programmes).Select(i => ResultJson.ToJson(sequential.Evaluate(fresh[i % Sets], ActualsFor(i)))).ToArray();

        expected.Distinct().Should().HaveCount(Programmes, "every programme is distinct");
        for (var i = 0; i < Programmes; i++)
        {
            parallel[i].Should().Be(expected[i], $"programme {i}, evaluated in parallel on a cold evaluator");
            again[i].Should().Be(expected[i], $"programme {i}, evaluated in parallel on a warm evaluator");
        }

        threads.Should().NotBeEmpty();
    }

    [Fact]
    public void Many_threads_reading_and_evaluating_the_same_documents_agree()
    {
        // The readers, the preparation of a set and the evaluation, all at once on the same text.
        var culture = CultureInfo.CurrentUICulture;
        var evaluator = new Evaluator();
        var json = SetJson(Sets + 1);
        var results = new ConcurrentBag<string>();
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var previous = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = culture;
            try
            {
                var set = PerfEvalJson.ReadIndicatorSet(json, "indicators.json").GetValueOrThrow();
                var actuals = PerfEvalJson.ReadActuals(ActualsJson(Sets + 1, 7), "actuals.json").GetValueOrThrow();
                results.Add(ResultJson.ToJson(evaluator.Evaluate(set, actuals)));
            }
            finally
            {
                CultureInfo.CurrentUICulture = previous;
            }
        });

        results.Distinct().Should().ContainSingle();
    }

    // ---- the programmes ------------------------------------------------------------------------------------------

    private static IndicatorSet ReadSet(int k) => PerfEvalJson.ReadIndicatorSet(SetJson(k), $"set-{k}.json").GetValueOrThrow();

    /// <summary>
    /// Set <paramref name="k"/>: its own target values, a compute expression no other set has (so that it is
    /// compiled while other threads evaluate), a reason rule and a consistency rule, and a policy that varies.
    /// </summary>
    private static string SetJson(int k)
    {
        var policy = (k % 3) switch { 0 => "mof-2020", 1 => "regional-budget20", _ => "regional-inverse-ratio" };
        return $$"""
            {
              "id": "set-{{k}}",
              "name": "并发项目{{k}}",
              "year": 2025,
              "policy": "{{policy}}",
              "budget": { "sources": [ { "id": "central", "name": "中央" }, { "id": "county", "name": "旗县" } ] },
              "indicators": [
                { "id": "people", "name": "人数", "level2": "quantity", "target": "≥{{100 + k}}", "compute": "a + b * {{k + 1}} - Math.Min(a, {{k}})" },
                { "id": "cost", "name": "成本", "level2": "cost", "target": "≤{{50 + k}}" },
                { "id": "when", "name": "时间", "level2": "timeliness", "target": "{{1 + (k % 12)}}月底前" },
                { "id": "effect", "name": "效果", "level2": "social", "target": "有效提升" },
                { "id": "rate", "name": "满意度", "level2": "satisfaction", "target": "≥{{80 + (k % 15)}}%" }
              ],
              "reasonRules": [
                { "id": "short", "when": "pointsLost && !qualitative && completionRate < {{90 + k}}", "category": "other", "text": "{name}完成{completionRate}%，差{gap}" }
              ],
              "consistencyRules": [
                { "id": "sum", "expression": "a + b <= actual + {{k}}", "indicators": ["people"], "severity": "warning" }
              ]
            }
            """;
    }

    private static ProgrammeActuals ActualsFor(int i) => PerfEvalJson.ReadActuals(ActualsJson(i % Sets, i), $"actuals-{i}.json").GetValueOrThrow();

    /// <summary>Programme <paramref name="i"/>'s actuals for set <paramref name="k"/>: figures that differ from one programme to the next.</summary>
    private static string ActualsJson(int k, int i)
    {
        var grade = (i % 3) switch { 0 => "achieved", 1 => "partial", _ => "notAchieved" };
        return $$"""
            {
              "indicatorSet": "set-{{k}}",
              "budget": { "available": {{1000 + i}}, "spent": {{700 + (i * 7 % 400)}}.{{i % 100:00}}, "sources": { "central": 600, "county": {{400 + i}} } },
              "indicators": {
                "people": { "inputs": { "a": {{i % 97}}, "b": {{i % 13}}.5 } },
                "cost": {{30 + (i * 11 % 70)}},
                "when": "{{1 + (i % 12)}}月底前",
                "effect": { "actual": "效果{{i}}", "grade": "{{grade}}" },
                "rate": "{{70 + (i % 30)}}.{{i % 10}}%"
              }
            }
            """;
    }
}
