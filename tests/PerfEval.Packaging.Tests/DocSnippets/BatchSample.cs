using PerfEval.Batch;
using PerfEval.Evaluation;

namespace Samples;

public static class BatchSample
{
    /// <summary>
    /// Evaluates every programme folder under <paramref name="parent"/>, four at a time. Results arrive in input
    /// order as soon as each is ready, and only a small window of programmes is held in memory.
    /// </summary>
    public static async Task<IReadOnlyList<(string Name, decimal? TotalScore)>> EvaluateAllAsync(
        string parent, IProgress<BatchProgress>? progress, CancellationToken cancellationToken)
    {
        IEnumerable<BatchInput> inputs = Directory.EnumerateDirectories(parent).Order(StringComparer.Ordinal).Select(BatchInput.FromFolder);
        var options = new BatchOptions { MaxDegreeOfParallelism = 4, Progress = progress };

        var totals = new List<(string, decimal?)>();
        await foreach (BatchItem item in new Evaluator().EvaluateEachAsync(inputs, options, cancellationToken))
        {
            // item.Result is null when the programme could not be read; item.Diagnostics says why.
            totals.Add((item.Name, item.Result?.TotalScore));
        }

        return totals;
    }
}
