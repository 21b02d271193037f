using System.Globalization;
using PerfEval.Batch;

namespace PerfEval.Review;

/// <summary>How a review runs: who reads table files, how many submissions at once, progress and language.</summary>
public sealed class ReviewOptions
{
    /// <summary>Reads submissions that are files; without one (or when it declines a file) such a submission gets PE7001.</summary>
    public ISubmissionImporter? Importer { get; set; }

    /// <summary>Submissions read, evaluated and audited at once; every core by default.</summary>
    public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>Told after each submission.</summary>
    public IProgress<BatchProgress>? Progress { get; set; }

    /// <summary>The language of the findings; the current UI culture when null.</summary>
    public CultureInfo? Culture { get; set; }
}
