using System.Globalization;
using PerfEval.Audit;
using PerfEval.Batch;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Loading;

namespace PerfEval.Review;

/// <summary>
/// Reviews a year's submissions (抽查复核 at scale): each is read (or imported), evaluated and audited on every core,
/// and the reviews come out in the order of the submissions.
/// </summary>
public static class PortfolioReview
{
    /// <summary>Reviews the submissions; each review comes out, in order, as soon as it is ready.</summary>
    /// <param name="evaluator">The evaluator (thread-safe).</param>
    /// <param name="submissions">The submissions, from <see cref="SubmissionFinder.Find"/> or built by the caller.</param>
    /// <param name="options">Importer, parallelism, progress and language; the defaults when null.</param>
    /// <param name="cancellationToken">Stops the review.</param>
    /// <returns>One review per submission, in order.</returns>
    public static IEnumerable<SubmissionReview> Run(IEvaluator evaluator, IReadOnlyList<Submission> submissions, ReviewOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(submissions);
        options ??= new ReviewOptions();
        var culture = options.Culture ?? CultureInfo.CurrentUICulture;
        var importer = options.Importer;

        // A worker reads a submission and then audits it, so the programme read is handed over by position.
        var programmes = new Programme?[submissions.Count];
        var inputs = submissions.Select((s, i) => BatchInput.Lazy(s.Name, () =>
        {
            var load = Read(s, importer).InCulture(culture);
            programmes[i] = load.Value;
            return load;
        }));
        var batch = new BatchOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, Progress = options.Progress };
        return evaluator.EvaluateSelect(
            inputs,
            item =>
            {
                var programme = programmes[item.Index];
                programmes[item.Index] = null;
                return new SubmissionReview
                {
                    Submission = submissions[item.Index],
                    Index = item.Index,
                    Audit = item.Result is { } result && programme is not null ? Auditor.Audit(result, programme.Actuals, culture: culture) : null,
                    ReadingDiagnostics = item.Diagnostics,
                };
            },
            batch,
            cancellationToken);
    }

    private static LoadResult<Programme> Read(Submission submission, ISubmissionImporter? importer)
    {
        if (submission.Kind == SubmissionKind.RuleFolder)
        {
            return PerfEvalJson.ReadProgrammeFolder(submission.Path);
        }

        if (importer is not null && importer.CanImport(submission.Path))
        {
            var imported = importer.Import(submission.Path);
            return new LoadResult<Programme>(imported.Programme, imported.Diagnostics.IsDefault ? [] : imported.Diagnostics);
        }

        var bag = new DiagnosticBag();
        bag.Add(DiagnosticCodes.TableNotImportable, DiagnosticSeverity.Error, "$", new SourceLocation(submission.Path, 1, 1),
            ("file", submission.Name), ("extension", Path.GetExtension(submission.Path).ToLowerInvariant()));
        return new LoadResult<Programme>(null, bag.ToImmutable());
    }
}
