using System.Globalization;
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
    /// <summary>
    /// Evaluates the programmes lazily, without blocking a thread while waiting: the results come out in input order as
    /// soon as each is ready, while the enumeration goes on.
    /// </summary>
    /// <param name="evaluator">The evaluator (thread-safe).</param>
    /// <param name="inputs">The programmes; enumerated once, lazily.</param>
    /// <param name="options">Parallelism and progress; the defaults when null.</param>
    /// <param name="cancellationToken">
    /// Stops the batch: no further programme is started, no further result is given once it is cancelled (even one that
    /// is ready), and the enumeration ends with <see cref="OperationCanceledException"/>.
    /// </param>
    /// <returns>The results, in input order.</returns>
    public static IAsyncEnumerable<BatchItem> EvaluateEachAsync(
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
        using var pipeline = new OrderedPipeline<TResult>(evaluator, CultureOf(evaluator, options), inputs, selector, Parallelism(options), cancellationToken);
        while (await pipeline.NextAsync().ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Report(options, pipeline.CurrentSucceeded, ref completed, ref failed);
            yield return pipeline.Current;
        }
    }

    /// <summary>
    /// Evaluates the programmes lazily: nothing starts until the result is enumerated, and each step blocks until the
    /// next result (in input order) is ready. For all the results at once, use <see cref="EvaluateAll"/>.
    /// </summary>
    /// <param name="evaluator">The evaluator (thread-safe).</param>
    /// <param name="inputs">The programmes; enumerated once, lazily.</param>
    /// <param name="options">Parallelism and progress; the defaults when null.</param>
    /// <param name="cancellationToken">Stops the batch: no further result is given once it is cancelled; the enumeration ends with <see cref="OperationCanceledException"/>.</param>
    /// <returns>The results, in input order.</returns>
    public static IEnumerable<BatchItem> EvaluateEach(this IEvaluator evaluator, IEnumerable<BatchInput> inputs, BatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(inputs);
        return RunBlocking(evaluator, inputs, static item => item, options, cancellationToken);
    }

    /// <summary>
    /// Evaluates every programme now, in parallel, and returns when all are done: the eager form of
    /// <see cref="EvaluateEach"/>, which holds every result in memory (for large batches, enumerate <see cref="EvaluateEach"/>).
    /// </summary>
    /// <param name="evaluator">The evaluator (thread-safe).</param>
    /// <param name="inputs">The programmes.</param>
    /// <param name="options">Parallelism and progress; the defaults when null.</param>
    /// <param name="cancellationToken">Stops the batch with <see cref="OperationCanceledException"/>.</param>
    /// <returns>The results, in input order.</returns>
    public static IReadOnlyList<BatchItem> EvaluateAll(this IEvaluator evaluator, IEnumerable<BatchInput> inputs, BatchOptions? options = null, CancellationToken cancellationToken = default) =>
        [.. EvaluateEach(evaluator, inputs, options, cancellationToken)];

    internal static BatchItem Run(IEvaluator evaluator, BatchInput input, int index, CultureInfo culture)
    {
        var load = input.Load();
        return load.Value is { } programme
            ? new BatchItem { Index = index, Name = input.Name, Result = EvaluateIn(evaluator, programme, input.ReadsAnew, culture), Diagnostics = load.Diagnostics }
            : new BatchItem { Index = index, Name = input.Name, Diagnostics = load.Diagnostics };
    }

    /// <summary>A programme read anew is evaluated once, without a plan kept for it (see <see cref="BatchInput.ReadsAnew"/>).</summary>
    private static EvaluationResult EvaluateIn(IEvaluator evaluator, Loading.Programme programme, bool readAnew, CultureInfo culture) =>
        readAnew && evaluator is Evaluator own
            ? own.EvaluateOnce(programme.IndicatorSet, programme.Actuals, culture)
            : evaluator.EvaluateIn(programme, culture);

    /// <summary>The culture of a batch's findings: the options', the evaluator's, or the caller's UI culture now.</summary>
    private static CultureInfo CultureOf(IEvaluator evaluator, BatchOptions? options) =>
        options?.Culture ?? (evaluator as Evaluator)?.Culture ?? CultureInfo.CurrentUICulture;

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
