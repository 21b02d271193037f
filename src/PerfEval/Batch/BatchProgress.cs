namespace PerfEval.Batch;

/// <summary>How far a batch has got.</summary>
/// <param name="Completed">Programmes finished (in order), including those that failed.</param>
/// <param name="Failed">Programmes that could not be read or have errors.</param>
public sealed record BatchProgress(int Completed, int Failed);
