using FluentAssertions;
using PerfEval.Batch;
using PerfEval.Evaluation;
using PerfEval.Loading;
using PerfEval.Tests.Golden;

namespace PerfEval.Tests.Embedding;

/// <summary>What a batch item says about its programme, the lazy and eager forms, and cancellation.</summary>
public sealed class BatchOutcomeTests(SeedExample seed) : IClassFixture<SeedExample>
{
    private static BatchInput Generated(int i) => Batch.BatchEvaluationTests.Generated(i);

    [Fact]
    public void An_item_says_whether_reading_failed_the_rules_reported_errors_or_evaluation_succeeded()
    {
        var unreadable = BatchInput.FromJson("{ not json", "{}", "unreadable");
        var noBudget = BatchInput.FromJson(NoBudgetSet, NoBudgetActuals, "no budget");

        var items = new Evaluator().EvaluateAll([unreadable, noBudget, Generated(1)], new BatchOptions { MaxDegreeOfParallelism = 1 });

        items.Select(i => i.Status).Should().Equal(BatchItemStatus.Unreadable, BatchItemStatus.RuleErrors, BatchItemStatus.Evaluated);
        items[0].WasRead.Should().BeFalse();
        items[0].Diagnostics.Should().Contain(d => d.Code == "PE1001");
        items[1].WasRead.Should().BeTrue();
        items[1].Succeeded.Should().BeFalse();
        items[1].Result!.HasErrors.Should().BeTrue();
        items[2].Succeeded.Should().BeTrue();
    }

    [Fact]
    public void The_eager_form_has_evaluated_every_programme_when_it_returns_and_the_lazy_form_nothing_until_enumerated()
    {
        var started = 0;
        IEnumerable<BatchInput> Inputs()
        {
            for (var i = 0; i < 20; i++)
            {
                Interlocked.Increment(ref started);
                yield return Generated(i);
            }
        }

        var evaluator = new Evaluator();
        var lazy = evaluator.EvaluateEach(Inputs(), new BatchOptions { MaxDegreeOfParallelism = 2 });
        Volatile.Read(ref started).Should().Be(0, "the lazy form starts when it is enumerated");

        var all = evaluator.EvaluateAll(Inputs(), new BatchOptions { MaxDegreeOfParallelism = 2 });
        Volatile.Read(ref started).Should().Be(20);
        all.Should().HaveCount(20).And.OnlyContain(i => i.Status == BatchItemStatus.Evaluated);
        lazy.Should().HaveCount(20);
    }

    [Fact]
    public async Task No_item_arrives_after_cancellation_even_when_results_are_ready()
    {
        using var cancel = new CancellationTokenSource();
        var inputs = Enumerable.Range(0, 64).Select(i => BatchInput.FromProgramme(seed.Load.Value!, $"s{i}"));
        await using var items = new Evaluator().EvaluateEachAsync(inputs, new BatchOptions { MaxDegreeOfParallelism = 2 }, cancel.Token).GetAsyncEnumerator();

        (await items.MoveNextAsync()).Should().BeTrue();
        await Task.Delay(200);   // the workers fill the window meanwhile: results are ready
        await cancel.CancelAsync();

        var next = async () => await items.MoveNextAsync();
        await next.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void The_blocking_form_gives_no_item_after_cancellation_either()
    {
        using var cancel = new CancellationTokenSource();
        var inputs = Enumerable.Range(0, 64).Select(i => BatchInput.FromProgramme(seed.Load.Value!, $"s{i}"));
        using var items = new Evaluator().EvaluateEach(inputs, new BatchOptions { MaxDegreeOfParallelism = 2 }, cancel.Token).GetEnumerator();

        items.MoveNext().Should().BeTrue();
        Thread.Sleep(200);
        cancel.Cancel();

        var next = () => items.MoveNext();
        next.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void A_batch_writes_its_findings_in_the_language_of_its_options_not_the_workers_threads()
    {
        var noBudget = BatchInput.FromJson(NoBudgetSet, NoBudgetActuals, "no budget");
        var evaluator = new Evaluator();
        var english = System.Globalization.CultureInfo.GetCultureInfo("en");

        var en = evaluator.EvaluateAll([noBudget], new BatchOptions { Culture = english }).Single();
        var zh = evaluator.EvaluateAll([noBudget], new BatchOptions { Culture = System.Globalization.CultureInfo.GetCultureInfo("zh-CN") }).Single();

        var programme = new Programme(PerfEvalJson.ReadIndicatorSet(NoBudgetSet).GetValueOrThrow(), PerfEvalJson.ReadActuals(NoBudgetActuals).GetValueOrThrow());
        en.Result!.Findings.Should().NotBeEmpty();
        en.Result.Findings.Select(f => f.Message).Should().Equal(evaluator.EvaluateIn(programme, english).Findings.Select(f => f.Message));
        zh.Result!.Findings.Select(f => f.Message).Should().NotEqual(en.Result.Findings.Select(f => f.Message));
    }

    private const string NoBudgetSet =
        """{ "id": "o", "name": "超支", "year": 2025, "indicators": [ { "id": "n", "name": "人数", "level2": "quantity", "target": "10", "unit": "人", "weight": 90 } ] }""";

    private const string NoBudgetActuals = """{ "indicatorSet": "o", "budget": { "available": 0, "spent": 10 }, "indicators": { "n": 10 } }""";
}
