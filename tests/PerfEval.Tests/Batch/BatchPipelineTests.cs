using FluentAssertions;
using PerfEval.Batch;
using PerfEval.Evaluation;

namespace PerfEval.Tests.Batch;

public sealed class BatchPipelineTests
{
    private static BatchInput Generated(int i) => BatchInput.FromJson(
        $$"""
        { "id": "p{{i}}", "name": "项目{{i}}", "year": 2025,
          "indicators": [ { "id": "n", "name": "人数", "level2": "quantity", "target": "{{i + 1}}", "unit": "人", "weight": 90 } ] }
        """,
        $$"""{ "indicatorSet": "p{{i}}", "budget": { "available": 100, "spent": 100 }, "indicators": { "n": 1 } }""",
        $"p{i}");

    [Fact]
    public void An_exception_of_the_selector_comes_out_at_its_programmes_place_after_the_programmes_before_it()
    {
        var seen = new List<int>();

        var act = () =>
        {
            foreach (var index in new Evaluator().EvaluateSelect(
                Enumerable.Range(0, 50).Select(Generated),
                item => item.Index == 17 ? throw new InvalidOperationException("selector failed on 17") : item.Index,
                new BatchOptions { MaxDegreeOfParallelism = 2 }))
            {
                seen.Add(index);
            }
        };

        act.Should().Throw<InvalidOperationException>().WithMessage("selector failed on 17");
        seen.Should().Equal(Enumerable.Range(0, 17));
    }

    [Fact]
    public void An_exception_of_the_inputs_comes_out_after_the_programmes_read_before_it()
    {
        IEnumerable<BatchInput> Inputs()
        {
            for (var i = 0; i < 5; i++)
            {
                yield return Generated(i);
            }

            throw new IOException("the disk went away");
        }

        var seen = new List<string>();
        var act = () =>
        {
            foreach (var item in new Evaluator().EvaluateEach(Inputs(), new BatchOptions { MaxDegreeOfParallelism = 2 }))
            {
                seen.Add(item.Name);
            }
        };

        act.Should().Throw<IOException>().WithMessage("the disk went away");
        seen.Should().Equal("p0", "p1", "p2", "p3", "p4");
    }

    [Fact]
    public void Stopping_early_closes_the_inputs_and_starts_no_further_programme()
    {
        var started = 0;
        var closed = false;
        IEnumerable<BatchInput> Inputs()
        {
            try
            {
                for (var i = 0; i < 10_000; i++)
                {
                    Interlocked.Increment(ref started);
                    yield return Generated(i);
                }
            }
            finally
            {
                closed = true;
            }
        }

        var first = new Evaluator().EvaluateEach(Inputs(), new BatchOptions { MaxDegreeOfParallelism = 2 }).Take(3).ToList();

        first.Select(i => i.Name).Should().Equal("p0", "p1", "p2");
        closed.Should().BeTrue("the inputs are closed when the caller stops, under the lock the workers take them with");
        Volatile.Read(ref started).Should().BeLessThanOrEqualTo(3 + (2 * 4), "at most a window of programmes is taken ahead of the caller");
    }

    [Fact]
    public void One_worker_evaluates_in_order_too()
    {
        var items = new Evaluator().EvaluateEach(Enumerable.Range(0, 30).Select(Generated), new BatchOptions { MaxDegreeOfParallelism = 1 }).ToList();

        items.Select(i => i.Index).Should().Equal(Enumerable.Range(0, 30));
        items.Should().OnlyContain(i => i.Succeeded);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Every_value_comes_out_once_in_order_whatever_the_count_and_the_durations(int workers)
    {
        // Counts around the ring's size (four slots a worker) and its half, where the consumer is woken; uneven
        // durations so that programmes finish out of order and a run from the head is often short.
        foreach (var count in new[] { 0, 1, 2, workers * 2 - 1, workers * 2, workers * 4 - 1, workers * 4, workers * 4 + 1, 37 })
        {
            int Slow(BatchItem item)
            {
                Thread.Sleep(item.Index * 7 % 5);
                return item.Index;
            }

            // A consumer never woken would wait for ever: the limits turn that into a failure.
            var options = new BatchOptions { MaxDegreeOfParallelism = workers };
            var blocking = await Task.Run(() => new Evaluator().EvaluateSelect(Enumerable.Range(0, count).Select(Generated), Slow, options).ToList())
                .WaitAsync(TimeSpan.FromMinutes(1));
            var awaited = new List<int>();
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await foreach (var index in new Evaluator().EvaluateSelectAsync(Enumerable.Range(0, count).Select(Generated), Slow, options, limit.Token))
            {
                awaited.Add(index);
            }

            blocking.Should().Equal(Enumerable.Range(0, count), $"{count} programmes on {workers} workers, taken by a blocked caller");
            awaited.Should().Equal(Enumerable.Range(0, count), $"{count} programmes on {workers} workers, awaited");
        }
    }

    [Fact]
    public async Task A_value_made_is_handed_out_while_another_worker_waits_for_the_next_input()
    {
        // A source that gives the next programme only once the caller has the previous result (a client that sends a
        // programme, reads its result, then sends the next): the worker waiting inside the source must not hold back
        // the result the other worker has made.
        using var taken = new SemaphoreSlim(0);
        IEnumerable<BatchInput> Conversation()
        {
            for (var i = 0; i < 3; i++)
            {
                yield return Generated(i);
                if (!taken.Wait(TimeSpan.FromSeconds(30)))
                {
                    throw new TimeoutException($"the result of programme {i} was not handed out while the source waited");
                }
            }
        }

        var seen = await Task.Run(() =>
        {
            var names = new List<string>();
            foreach (var item in new Evaluator().EvaluateEach(Conversation(), new BatchOptions { MaxDegreeOfParallelism = 2 }))
            {
                names.Add(item.Name);
                taken.Release();
            }

            return names;
        }).WaitAsync(TimeSpan.FromMinutes(1));

        seen.Should().Equal("p0", "p1", "p2");
    }
}
