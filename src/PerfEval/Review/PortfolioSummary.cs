using System.Collections.Immutable;
using System.Globalization;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;

namespace PerfEval.Review;

/// <summary>
/// A year's submissions at a glance, for a finance department's review: how many have errors, the distribution of
/// grades and of budget execution rates, completion by kind of indicator, and the findings by code.
/// </summary>
public sealed record PortfolioSummary
{
    /// <summary>The lower bounds (percent) of the bands of budget execution rates; the last band has no upper bound.</summary>
    public static ImmutableArray<decimal> ExecutionRateBands { get; } = [0m, 60m, 80m, 90m, 95m, 100m];

    /// <summary>The number of submissions.</summary>
    public required int Submissions { get; init; }

    /// <summary>Submissions that could not be read (or imported).</summary>
    public required int Unread { get; init; }

    /// <summary>Submissions with at least one error (the unread ones included).</summary>
    public required int WithErrors { get; init; }

    /// <summary>Submissions with warnings and no error.</summary>
    public required int WithWarningsOnly { get; init; }

    /// <summary>Evaluated submissions per grade, in the order of the grades (best first), grades of no submission included.</summary>
    public required ImmutableArray<PortfolioCount> Grades { get; init; }

    /// <summary>Evaluated submissions per band of budget execution rate (see <see cref="ExecutionRateBands"/>), then those without a rate.</summary>
    public required ImmutableArray<PortfolioCount> ExecutionRates { get; init; }

    /// <summary>Completion per kind of indicator, in the order of the level-2 groups; kinds with no indicator are left out.</summary>
    public required ImmutableArray<KindCompletion> CompletionByKind { get; init; }

    /// <summary>Findings per code, most frequent first (then by code).</summary>
    public required ImmutableArray<PortfolioCount> FindingsByCode { get; init; }

    /// <summary>True when any submission has errors or could not be read.</summary>
    public bool HasErrors => WithErrors > 0;

    /// <summary>Summarises the reviews.</summary>
    /// <param name="reviews">The reviews of the submissions.</param>
    /// <param name="culture">The language of the labels; the current UI culture when null.</param>
    /// <returns>The summary.</returns>
    public static PortfolioSummary From(IEnumerable<SubmissionReview> reviews, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        culture ??= CultureInfo.CurrentUICulture;
        var chinese = Messages.IsChineseCulture(culture);
        var all = reviews.ToList();
        var evaluated = all.Where(r => r.Audit is not null).Select(r => r.Audit!.Evaluation).ToList();

        var grades = evaluated.SelectMany(e => e.PolicyUsed?.Grades ?? []).Concat(evaluated.Select(e => e.Grade))
            .DistinctBy(g => g.Code).OrderByDescending(g => g.MinimumScore).ToList();
        var gradeCounts = grades.Select(g => new PortfolioCount(g.Code, chinese ? g.Label : g.EnglishLabel, evaluated.Count(e => e.Grade.Code == g.Code)));

        var indicators = evaluated.SelectMany(e => e.Indicators).ToList();
        var kinds = Enum.GetValues<Level2>().Select(kind =>
        {
            var of = indicators.Where(i => i.Level2 == kind).ToList();
            var rates = of.Where(i => i.CompletionRate is not null).Select(i => i.CompletionRate!.Value).ToList();
            return new KindCompletion(kind, IndicatorLevels.Name(kind, chinese), of.Count, of.Count(i => i.Status == IndicatorStatus.Met), rates.Count == 0 ? null : Figures.Round(rates.Average()));
        }).Where(k => k.Indicators > 0);

        var codes = all.SelectMany(r => r.Findings).GroupBy(f => f.Code, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PortfolioCount(g.Key, g.Key, g.Count()));

        return new PortfolioSummary
        {
            Submissions = all.Count,
            Unread = all.Count(r => r.Audit is null),
            WithErrors = all.Count(r => r.HasErrors),
            WithWarningsOnly = all.Count(r => !r.HasErrors && r.Warnings > 0),
            Grades = [.. gradeCounts],
            ExecutionRates = Bands(evaluated, culture),
            CompletionByKind = [.. kinds],
            FindingsByCode = [.. codes],
        };
    }

    private static ImmutableArray<PortfolioCount> Bands(List<EvaluationResult> evaluated, CultureInfo culture)
    {
        var catalog = MessageCatalog.Default;
        var counts = ImmutableArray.CreateBuilder<PortfolioCount>();
        for (var b = 0; b < ExecutionRateBands.Length; b++)
        {
            var from = ExecutionRateBands[b];
            decimal? to = b + 1 < ExecutionRateBands.Length ? ExecutionRateBands[b + 1] : null;
            var label = to is not { } upper
                ? catalog.Text(MessageText.Of("review.band.atLeast", ("from", Number(from))), culture)
                : b == 0 ? catalog.Text(MessageText.Of("review.band.below", ("to", Number(upper))), culture) : $"{Number(from)}–{Number(upper)}%";
            var count = evaluated.Count(e => e.Budget.ExecutionRate is { } rate && rate >= from && (to is not { } t || rate < t));
            counts.Add(new PortfolioCount(Number(from), label, count));
        }

        counts.Add(new PortfolioCount("none", catalog.Text(MessageText.Of("review.noBudget"), culture), evaluated.Count(e => e.Budget.ExecutionRate is null)));
        return counts.ToImmutable();
    }

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
