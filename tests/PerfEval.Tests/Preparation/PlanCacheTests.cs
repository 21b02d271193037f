using FluentAssertions;
using PerfEval.Deviations;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Loading;
using PerfEval.Preparation;
using PerfEval.Rules;
using PerfEval.Scoring;

namespace PerfEval.Tests.Preparation;

public sealed class PlanCacheTests
{
    private static readonly Planner Planner = new(ScoringPolicy.Mof2020, PolicyCatalog.BuiltIn, CompiledRules.Empty);

    private static IndicatorSet Set(string id) => PerfEvalJson.ReadIndicatorSet($$"""
        { "id": "{{id}}", "name": "测试项目", "year": 2025,
          "indicators": [ { "id": "a", "name": "培训人数", "level2": "quantity", "target": "100", "unit": "人", "weight": 90 } ] }
        """).GetValueOrThrow();

    [Fact]
    public void A_set_evaluated_again_reuses_its_plan()
    {
        var cache = new PlanCache(4);
        var set = Set("s");
        var made = 0;

        var first = cache.GetOrAdd(set, s => { made++; return Planner.Prepare(s); });
        var second = cache.GetOrAdd(set, s => { made++; return Planner.Prepare(s); });

        second.Should().BeSameAs(first);
        made.Should().Be(1);
    }

    [Fact]
    public void Past_its_capacity_the_cache_drops_the_least_recently_used_plan()
    {
        var cache = new PlanCache(2);
        var (a, b, c) = (Set("a"), Set("b"), Set("c"));
        var planOfA = cache.GetOrAdd(a, Planner.Prepare);
        cache.GetOrAdd(b, Planner.Prepare);
        cache.GetOrAdd(a, Planner.Prepare);   // a is now the most recent
        cache.GetOrAdd(c, Planner.Prepare);   // b goes

        cache.Count.Should().Be(2);
        cache.GetOrAdd(a, _ => throw new InvalidOperationException("a was kept")).Should().BeSameAs(planOfA);
        var remade = false;
        cache.GetOrAdd(b, s => { remade = true; return Planner.Prepare(s); });
        remade.Should().BeTrue("b was the least recently used");
    }

    [Fact]
    public void A_cache_of_capacity_0_keeps_nothing()
    {
        var cache = new PlanCache(0);
        var set = Set("s");

        cache.GetOrAdd(set, Planner.Prepare).Should().NotBeSameAs(cache.GetOrAdd(set, Planner.Prepare));
        cache.Count.Should().Be(0);
    }

    [Fact]
    public void Two_threads_asking_for_the_same_set_get_the_same_plan()
    {
        var cache = new PlanCache(8);
        var set = Set("s");
        using var gate = new Barrier(2);

        var plans = new EvaluationPlan[2];
        Parallel.For(0, 2, i => { gate.SignalAndWait(); plans[i] = cache.GetOrAdd(set, Planner.Prepare); });

        plans[1].Should().BeSameAs(plans[0]);
    }

    [Fact]
    public void A_read_set_changed_with_with_is_checked_again()
    {
        var read = Set("s");
        var changed = read with { Indicators = [read.Indicators[0], read.Indicators[0]] };

        Planner.Prepare(read).Findings.Should().BeEmpty("the reader checked it and found nothing");
        Planner.Prepare(changed).Findings.Should().Contain(f => f.Code == DiagnosticCodes.DuplicateId, "the copy has two indicators with one id and must be checked again");
    }

    [Fact]
    public void A_sets_own_reason_categories_are_kept_beside_as_many_from_a_template()
    {
        var template = new RuleTemplate { Id = "t", ReasonCategories = [new ReasonCategory("flood", "洪涝", "Flood")] };
        var set = new RuleTemplate { Id = "s", ReasonCategories = [new ReasonCategory("weather", "天气", "Weather")] };

        var rules = CompiledRules.From(template, RuleChecks.Check(template, null, SourceMap.Empty))
            .Then(CompiledRules.From(set, RuleChecks.Check(set, null, SourceMap.Empty)));

        rules.Categories.Keys.Should().Contain(["flood", "weather"]);
    }
}
