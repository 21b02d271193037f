using FluentAssertions;
using PerfEval.Batch;
using PerfEval.Evaluation;
using PerfEval.Reporting;
using PerfEval.Tests.Golden;

namespace PerfEval.Tests.Batch;

public sealed class BatchEvaluationTests : IClassFixture<SeedExample>
{
    private readonly SeedExample _seed;

    public BatchEvaluationTests(SeedExample seed) => _seed = seed;

    /// <summary>Programme i has a target of i + 1 people and 1 person done: completion 100 / (i + 1) %.</summary>
    internal static BatchInput Generated(int i) => BatchInput.FromJson(
        $$"""
        { "id": "p{{i}}", "name": "项目{{i}}", "year": 2025,
          "indicators": [ { "id": "n", "name": "人数", "level2": "quantity", "target": "{{i + 1}}", "unit": "人", "weight": 90 } ] }
        """,
        $$"""{ "indicatorSet": "p{{i}}", "budget": { "available": 100, "spent": 100 }, "indicators": { "n": 1 } }""",
        $"p{i}");

    [Fact]
    public void Results_come_out_in_input_order_whatever_finishes_first()
    {
        var items = new Evaluator().EvaluateEach(Enumerable.Range(0, 200).Select(Generated), new BatchOptions { MaxDegreeOfParallelism = 2 }).ToList();

        items.Select(i => i.Index).Should().Equal(Enumerable.Range(0, 200));
        items.Select(i => i.Name).Should().Equal(Enumerable.Range(0, 200).Select(i => $"p{i}"));
        items[3].Result!.Indicators[0].CompletionRate.Should().Be(25m, "1 of 4");
        items.Should().OnlyContain(i => i.Succeeded);
    }

    [Fact]
    public void A_batch_gives_exactly_the_results_of_evaluating_one_by_one()
    {
        var evaluator = new Evaluator();
        var inputs = Enumerable.Range(0, 50).Select(i => BatchInput.FromProgramme(_seed.Load.Value!, $"seed{i}")).ToList();

        var batch = evaluator.EvaluateEach(inputs, new BatchOptions { MaxDegreeOfParallelism = 2 }).Select(i => ResultJson.ToJson(i.Result!)).ToList();

        batch.Should().OnlyContain(json => json == ResultJson.ToJson(evaluator.Evaluate(_seed.Load.Value!)));
    }

    [Fact]
    public void Sets_a_batch_reads_itself_are_evaluated_without_keeping_their_plans()
    {
        var evaluator = new Evaluator();

        var items = evaluator.EvaluateEach(Enumerable.Range(0, 40).Select(Generated), new BatchOptions { MaxDegreeOfParallelism = 2 }).ToList();

        items.Should().OnlyContain(i => i.Succeeded);
        items[1].Result!.Indicators[0].CompletionRate.Should().Be(50m, "1 of 2, evaluated with a plan made for the one evaluation");
        evaluator.PlansKept.Should().Be(0, "no one else holds a set read by the batch, so its plan would never be used again");
    }

    [Fact]
    public void Programmes_given_to_a_batch_already_loaded_keep_their_plan_for_the_next_evaluation()
    {
        var evaluator = new Evaluator();
        var inputs = Enumerable.Range(0, 5).Select(i => BatchInput.FromProgramme(_seed.Load.Value!, $"seed{i}"));

        evaluator.EvaluateEach(inputs, new BatchOptions { MaxDegreeOfParallelism = 2 }).Should().OnlyContain(i => i.Succeeded);

        evaluator.PlansKept.Should().Be(1, "the five inputs share one set instance, whose plan is kept");
    }

    [Fact]
    public void The_input_stream_is_read_lazily_and_only_a_small_window_is_held()
    {
        var started = 0;
        IEnumerable<BatchInput> Inputs()
        {
            for (var i = 0; i < 1000; i++)
            {
                Interlocked.Increment(ref started);
                yield return Generated(i);
            }
        }

        using var items = new Evaluator().EvaluateEach(Inputs(), new BatchOptions { MaxDegreeOfParallelism = 2 }).GetEnumerator();
        items.MoveNext().Should().BeTrue();

        started.Should().BeLessThanOrEqualTo(2 * 4 + 1, "at most four programmes per degree of parallelism are in flight");
    }

    [Fact]
    public void Progress_is_reported_in_order_and_counts_failures()
    {
        var reports = new List<BatchProgress>();
        var progress = new SynchronousProgress(reports.Add);
        var inputs = Enumerable.Range(0, 5).Select(Generated).Append(BatchInput.FromJson("{", "{}", "broken"));

        var items = new Evaluator().EvaluateEach(inputs, new BatchOptions { MaxDegreeOfParallelism = 2, Progress = progress }).ToList();

        reports.Select(r => r.Completed).Should().Equal(1, 2, 3, 4, 5, 6);
        reports[^1].Failed.Should().Be(1);
        items[^1].Result.Should().BeNull();
        items[^1].Diagnostics.Should().Contain(d => d.Code == "PE1001");
    }

    [Fact]
    public async Task Cancellation_stops_the_batch()
    {
        using var cancel = new CancellationTokenSource();
        var seen = 0;
        var act = async () =>
        {
            await foreach (var _ in new Evaluator().EvaluateEachAsync(Enumerable.Range(0, 100_000).Select(Generated), new BatchOptions { MaxDegreeOfParallelism = 2 }, cancel.Token))
            {
                if (++seen == 10)
                {
                    await cancel.CancelAsync();
                }
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        seen.Should().BeLessThan(100, "no programme is started once the batch is cancelled");
    }

    private sealed class SynchronousProgress(Action<BatchProgress> report) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value) => report(value);
    }
}
