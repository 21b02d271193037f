namespace PerfEval.Review;

/// <summary>One submitted self-evaluation of a review: a rule folder or a file to import.</summary>
/// <param name="Name">Its name for readers: the path relative to the reviewed folder, with '/' separators.</param>
/// <param name="Path">The folder or file.</param>
/// <param name="Kind">A rule folder or a file.</param>
public sealed record Submission(string Name, string Path, SubmissionKind Kind);
