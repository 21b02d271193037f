using PerfEval.Evaluation;

namespace PerfEval.Batch;

/// <summary>Batches whose results are turned into something else (a line of output, a row) on the workers.</summary>
public static partial class BatchEvaluation
{
    /// <summary>
    /// Evaluates the programmes and hands each outcome to <paramref name="selector"/> on the worker that evaluated it,
    /// so that turning results into output (JSON, a row) runs in parallel too; the selected values come out in input
    /// order, and a result is not kept once it has been selected.
    /// </summary>
    /// <typeparam name="TResult">What the selector makes of an outcome.</typeparam>
    /// <param name="evaluator">The evaluator (thread-safe).</param>
    /// <param name="inputs">The programmes; enumerated once, lazily, by the workers, one at a time (never two threads inside the enumerator at once).</param>
    /// <param name="selector">Makes the value of one outcome; called on a worker, at most <see cref="BatchOptions.MaxDegreeOfParallelism"/> at a time.</param>
    /// <param name="options">Parallelism and progress; the defaults when null.</param>
    /// <param name="cancellationToken">Stops the batch: no further programme is started, and enumeration ends with <see cref="OperationCanceledException"/>.</param>
    /// <returns>The selected values, in input order.</returns>
    public static IEnumerable<TResult> EvaluateSelect<TResult>(
        this IEvaluator evaluator,
        IEnumerable<BatchInput> inputs,
        Func<BatchItem, TResult> selector,
        BatchOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(selector);
        return RunBlocking(evaluator, inputs, selector, options, cancellationToken);
    }

    /// <summary>The asynchronous form of <see cref="EvaluateSelect{TResult}"/>.</summary>
    /// <typeparam name="TResult">What the selector makes of an outcome.</typeparam>
    /// <param name="evaluator">The evaluator (thread-safe).</param>
    /// <param name="inputs">The programmes; enumerated once, lazily.</param>
    /// <param name="selector">Makes the value of one outcome; called on a worker.</param>
    /// <param name="options">Parallelism and progress; the defaults when null.</param>
    /// <param name="cancellationToken">Stops the batch.</param>
    /// <returns>The selected values, in input order.</returns>
    public static IAsyncEnumerable<TResult> EvaluateSelectAsync<TResult>(
        this IEvaluator evaluator,
        IEnumerable<BatchInput> inputs,
        Func<BatchItem, TResult> selector,
        BatchOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(selector);
        return RunAsync(evaluator, inputs, selector, options, cancellationToken);
    }

    /// <summary>The pipeline for a caller that blocks: the values in input order, each as soon as it is ready.</summary>
    private static IEnumerable<TResult> RunBlocking<TResult>(
        IEvaluator evaluator,
        IEnumerable<BatchInput> inputs,
        Func<BatchItem, TResult> selector,
        BatchOptions? options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(selector);
        var completed = 0;
        var failed = 0;
        using var pipeline = new OrderedPipeline<TResult>(evaluator, CultureOf(evaluator, options), inputs, selector, Parallelism(options), cancellationToken);
        while (pipeline.Next())
        {
            cancellationToken.ThrowIfCancellationRequested();
            Report(options, pipeline.CurrentSucceeded, ref completed, ref failed);
            yield return pipeline.Current;
        }
    }

    private static int Parallelism(BatchOptions? options) => Math.Max(1, options?.MaxDegreeOfParallelism ?? Environment.ProcessorCount);
}
