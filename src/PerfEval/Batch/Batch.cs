using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Loading;

namespace PerfEval.Batch;

/// <summary>One programme of a batch: a name for reports, and how to get the programme (already loaded, or JSON to read).</summary>
public sealed partial class BatchInput
{
    private readonly Func<LoadResult<Programme>> _load;

    private BatchInput(string name, Func<LoadResult<Programme>> load)
    {
        Name = name;
        _load = load;
    }

    /// <summary>A name for the programme in progress reports and results (its folder, its id…).</summary>
    public string Name { get; private set; }

    /// <summary>A programme already loaded or built in code.</summary>
    /// <param name="programme">The programme.</param>
    /// <param name="name">A name; the indicator set's id when null.</param>
    /// <returns>The input.</returns>
    public static BatchInput FromProgramme(Programme programme, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(programme);
        var loaded = new LoadResult<Programme>(programme, []);
        return new BatchInput(name ?? programme.IndicatorSet.Id, () => loaded);
    }

    /// <summary>A programme given as the JSON text of its indicator set and of its actuals; read when it is evaluated.</summary>
    /// <param name="indicatorSetJson">The indicator set's JSON.</param>
    /// <param name="actualsJson">The actuals' JSON.</param>
    /// <param name="name">A name for the programme.</param>
    /// <returns>The input.</returns>
    public static BatchInput FromJson(string indicatorSetJson, string actualsJson, string name)
    {
        ArgumentNullException.ThrowIfNull(indicatorSetJson);
        ArgumentNullException.ThrowIfNull(actualsJson);
        ArgumentNullException.ThrowIfNull(name);
        return new BatchInput(name, () =>
        {
            var set = PerfEvalJson.ReadIndicatorSet(indicatorSetJson, name + "/" + PerfEvalJson.IndicatorSetFileName);
            var actuals = PerfEvalJson.ReadActuals(actualsJson, name + "/" + PerfEvalJson.ActualsFileName);
            return Combine(set, actuals);
        });
    }

    /// <summary>A programme folder (indicators.json and actuals.json); read when it is evaluated.</summary>
    /// <param name="folder">The folder.</param>
    /// <returns>The input.</returns>
    public static BatchInput FromFolder(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return new BatchInput(folder, () => PerfEvalJson.ReadProgrammeFolder(folder));
    }

    /// <summary>A programme from an indicator-set file and an actuals file; read when it is evaluated.</summary>
    /// <param name="indicatorSetPath">The indicator set's file.</param>
    /// <param name="actualsPath">The actuals' file.</param>
    /// <param name="name">A name; the folder of the indicator set when null.</param>
    /// <returns>The input.</returns>
    public static BatchInput FromFiles(string indicatorSetPath, string actualsPath, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(indicatorSetPath);
        ArgumentNullException.ThrowIfNull(actualsPath);
        return new BatchInput(name ?? Path.GetDirectoryName(indicatorSetPath) ?? indicatorSetPath, () => PerfEvalJson.ReadProgrammeFiles(indicatorSetPath, actualsPath));
    }

    internal LoadResult<Programme> Load() => _load();

    internal static LoadResult<Programme> Combine(LoadResult<Indicators.IndicatorSet> set, LoadResult<Actuals.ProgrammeActuals> actuals) =>
        new(set.Value is not null && actuals.Value is not null ? new Programme(set.Value, actuals.Value) : null, set.Diagnostics.AddRange(actuals.Diagnostics));
}

/// <summary>The outcome of one programme of a batch.</summary>
public sealed record BatchItem
{
    /// <summary>The programme's position in the batch, from 0.</summary>
    public required int Index { get; init; }

    /// <summary>The programme's name.</summary>
    public required string Name { get; init; }

    /// <summary>The evaluation; null when the programme could not be read (see <see cref="Diagnostics"/>).</summary>
    public EvaluationResult? Result { get; init; }

    /// <summary>The diagnostics of reading the programme (the evaluation's findings are in <see cref="Result"/>).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>True when the programme was read and evaluated without errors.</summary>
    public bool Succeeded => Result is { HasErrors: false };
}

/// <summary>How far a batch has got.</summary>
/// <param name="Completed">Programmes finished (in order), including those that failed.</param>
/// <param name="Failed">Programmes that could not be read or have errors.</param>
public sealed record BatchProgress(int Completed, int Failed);

/// <summary>Options of a batch evaluation.</summary>
public sealed class BatchOptions
{
    /// <summary>How many programmes are evaluated at once (the number of processors by default).</summary>
    public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>Told after each programme, in order.</summary>
    public IProgress<BatchProgress>? Progress { get; set; }
}

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
