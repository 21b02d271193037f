namespace PerfEval.Batch;

/// <summary>Options of a batch evaluation.</summary>
public sealed class BatchOptions
{
    /// <summary>How many programmes are evaluated at once (the number of processors by default).</summary>
    public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// The language of the findings of every programme of the batch. When null, the evaluator's own
    /// (<see cref="Evaluation.Evaluator.Culture"/>), else the UI culture of the thread that starts the batch (the
    /// workers are other threads: they do not decide it).
    /// </summary>
    public System.Globalization.CultureInfo? Culture { get; set; }

    /// <summary>Told after each programme, in order.</summary>
    public IProgress<BatchProgress>? Progress { get; set; }
}
