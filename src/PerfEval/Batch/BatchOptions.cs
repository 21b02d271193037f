namespace PerfEval.Batch;

/// <summary>Options of a batch evaluation.</summary>
public sealed class BatchOptions
{
    /// <summary>How many programmes are evaluated at once (the number of processors by default).</summary>
    public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>Told after each programme, in order.</summary>
    public IProgress<BatchProgress>? Progress { get; set; }
}
