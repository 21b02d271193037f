using System.Runtime.CompilerServices;
using PerfEval.Evaluation;

namespace PerfEval.Batch;

/// <summary>
/// Evaluates a stream of programmes in parallel and streams the results out in the order of the input, holding at
/// most a small window of programmes in memory (four per degree of parallelism), so batches of any size run in
/// constant memory.
/// </summary>
public static partial class BatchEvaluation
{
    /// <summary>Evaluates the programmes; results come out in input order as soon as each is ready.</summary>
    /// <param name="evaluator">The evaluator (thread-safe).</param>
    /// <param name="inputs">The programmes; enumerated once, lazily.</param>
    /// <param name="options">Parallelism and progress; the defaults when null.</param>
    /// <param name="cancellationToken">Stops the batch: no further programme is started, and enumeration ends with <see cref="OperationCanceledException"/>.</param>
    /// <returns>The results, in input order.</returns>
    public static IAsyncEnumerable<BatchItem> EvaluateAsync(
        this IEvaluator evaluator,
        IEnumerable<BatchInput> inputs,
        BatchOptions? options = null,
        CancellationToken cancellationToken = default) =>
        RunAsync(evaluator, inputs, static item => item, options, cancellationToken);

    /// <summary>
    /// The pipeline: each programme is read, evaluated and handed to <paramref name="selector"/> on a worker, and the
    /// selected values come out in input order.
    /// </summary>
    private static async IAsyncEnumerable<TResult> RunAsync<TResult>(
        IEvaluator evaluator,
        IEnumerable<BatchInput> inputs,
        Func<BatchItem, TResult> selector,
        BatchOptions? options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(selector);
        var completed = 0;
        var failed = 0;
        using var pipeline = new OrderedPipeline<TResult>(evaluator, inputs, selector, Parallelism(options), Parallelism(options) * 4, cancellationToken);
        while (await pipeline.NextAsync().ConfigureAwait(false))
        {
            Report(options, pipeline.CurrentSucceeded, ref completed, ref failed);
            yield return pipeline.Current;
        }
    }

    /// <summary>Evaluates the programmes and blocks for each result; results come out in input order.</summary>
    /// <param name="evaluator">The evaluator (thread-safe).</param>
    /// <param name="inputs">The programmes; enumerated once, lazily.</param>
    /// <param name="options">Parallelism and progress; the defaults when null.</param>
    /// <param name="cancellationToken">Stops the batch.</param>
    /// <returns>The results, in input order.</returns>
    public static IEnumerable<BatchItem> Evaluate(this IEvaluator evaluator, IEnumerable<BatchInput> inputs, BatchOptions? options = null, CancellationToken cancellationToken = default) =>
        RunBlocking(evaluator, inputs, static item => item, options, cancellationToken);

    internal static BatchItem Run(IEvaluator evaluator, BatchInput input, int index)
    {
        var load = input.Load();
        return load.Value is { } programme
            ? new BatchItem { Index = index, Name = input.Name, Result = evaluator.Evaluate(programme), Diagnostics = load.Diagnostics }
            : new BatchItem { Index = index, Name = input.Name, Diagnostics = load.Diagnostics };
    }

    private static void Report(BatchOptions? options, bool succeeded, ref int completed, ref int failed)
    {
        completed++;
        if (!succeeded)
        {
            failed++;
        }

        options?.Progress?.Report(new BatchProgress(completed, failed));
    }
}
