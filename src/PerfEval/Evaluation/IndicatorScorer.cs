using PerfEval.Actuals;
using PerfEval.Indicators;
using PerfEval.Scoring;

namespace PerfEval.Evaluation;

/// <summary>The completion-rate and scoring rules of sections 5 and 6 of the domain rules.</summary>
internal static class IndicatorScorer
{
    /// <summary>Scores a numeric comparison; <paramref name="x"/> is already counted as 0 when negative.</summary>
    public static Outcome Numeric(Target t, decimal x, ScoringPolicy policy)
    {
        var target = t.Value ?? 0m;
        switch (t.Comparison)
        {
            case Comparison.AtLeast or Comparison.GreaterThan:
            case Comparison.Equal when target > 0:
                return MoreIsBetter(x, target);

            case Comparison.Equal:
                // ＝0: met only when nothing happened (X ≤ 0).
                return x <= 0 ? new Outcome(1m, IndicatorStatus.Met, 1m) : new Outcome(0m, IndicatorStatus.NotMet, 0m);

            case Comparison.AtMost or Comparison.LessThan:
                return LessIsBetter(x, target, policy);

            case Comparison.Range:
            {
                var low = t.Value ?? 0m;
                var high = t.UpperValue ?? low;
                if (x >= low && x <= high)
                {
                    return new Outcome(1m, IndicatorStatus.Met, 1m);
                }

                return x < low ? MoreIsBetter(x, low) : LessIsBetter(x, high, policy);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(t), t.Comparison, "not a numeric comparison");
        }
    }

    private static Outcome MoreIsBetter(decimal x, decimal target)
    {
        var ratio = x / target;
        if (x >= target)
        {
            return new Outcome(ratio, IndicatorStatus.Met, 1m);
        }

        return new Outcome(ratio, ratio > 0 ? IndicatorStatus.PartiallyMet : IndicatorStatus.NotMet, ratio);
    }

    private static Outcome LessIsBetter(decimal x, decimal target, ScoringPolicy policy)
    {
        if (x <= target)
        {
            return new Outcome(x == 0 ? 1m : target / x, IndicatorStatus.Met, 1m);
        }

        // x > target ≥ 0 from here on.
        var completion = target / x;
        var share = policy.LessIsBetter switch
        {
            LessIsBetterConvention.InverseRatio => completion,
            _ => target > 0 && x < 2 * target ? 1m - ((x - target) / target) : 0m,
        };
        return new Outcome(completion, share > 0 ? IndicatorStatus.PartiallyMet : IndicatorStatus.NotMet, share);
    }

    /// <summary>
    /// The policy's variants on top of the comparison's outcome: satisfaction scored as W × rate or in steps, and
    /// points taken from an over-achievement at or above <see cref="ScoringPolicy.OverAchievementReduceAt"/>.
    /// </summary>
    public static Outcome ApplyPolicy(Outcome outcome, in Measured measured, ScoringPolicy policy)
    {
        var (level2, t, x, actualIsPercent) = measured;
        // Satisfaction rates are more-is-better; a ≤ target under the satisfaction group (a complaint rate) keeps the standard rule.
        if (level2 == Level2.Satisfaction && (t.IsPercent || actualIsPercent) && policy.Satisfaction != SatisfactionScoring.Standard
            && t.Comparison is Comparison.AtLeast or Comparison.GreaterThan or Comparison.Equal or Comparison.Range)
        {
            var share = policy.Satisfaction == SatisfactionScoring.WeightTimesRate
                ? Math.Min(1m, x / 100m)
                : x >= policy.SatisfactionFullAt ? 1m : Math.Max(0m, 1m - (Math.Ceiling((policy.SatisfactionFullAt - x) / policy.SatisfactionStep) * policy.SatisfactionStepShare));
            var status = outcome.Status == IndicatorStatus.Met ? IndicatorStatus.Met : share > 0 ? IndicatorStatus.PartiallyMet : IndicatorStatus.NotMet;
            outcome = outcome with { Share = share, Status = status };
        }

        if (policy.OverAchievementReduceAt is { } at && outcome.Status == IndicatorStatus.Met && outcome.Completion * 100m >= at)
        {
            outcome = outcome with { Share = Math.Min(outcome.Share, 1m - policy.OverAchievementReduceShare) };
        }

        return outcome;
    }

    /// <summary>Whether a deadline was kept; null when the actual says nothing about time or completion.</summary>
    public static bool? DeadlineKept(Deadline deadline, ActualValue actual, int year)
    {
        if (actual.Done == false)
        {
            return false;
        }

        if (actual.Deadline is { } kept)
        {
            return kept.LastDay(year) <= deadline.LastDay(year);
        }

        if (actual.Date is { } date)
        {
            return date <= deadline.LastDay(year);
        }

        return actual.Done;
    }

    public static Outcome Deadline(bool kept) =>
        kept ? new Outcome(1m, IndicatorStatus.Met, 1m) : new Outcome(0m, IndicatorStatus.NotMet, 0m);

    /// <summary>The grade a qualitative actual implies when none is given: it repeats the target, or says done / not done.</summary>
    public static QualitativeGrade? InferGrade(Target t, ActualValue actual)
    {
        var wording = t.Description ?? t.Text ?? string.Empty;
        if (string.Equals(actual.Text.Trim(), wording.Trim(), StringComparison.Ordinal) || Comparable(actual.Text) == Comparable(wording))
        {
            return QualitativeGrade.Achieved;
        }

        return actual.Done switch
        {
            true => QualitativeGrade.Achieved,
            false => QualitativeGrade.NotAchieved,
            _ => null,
        };
    }

    private static string Comparable(string text) =>
        new(Notation.Normalize(text).Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c)).ToArray());

    /// <summary>The band [low, high] of a qualitative grade, in points, and the status it means.</summary>
    public static (decimal Low, decimal High, IndicatorStatus Status) Band(QualitativeGrade grade, decimal weight, ScoringPolicy policy) => grade switch
    {
        QualitativeGrade.Achieved => (weight * policy.AchievedFloor, weight, IndicatorStatus.Met),
        QualitativeGrade.Partial => (weight * policy.PartialFloor, weight * policy.AchievedFloor, IndicatorStatus.PartiallyMet),
        _ => (0m, weight * policy.PartialFloor, IndicatorStatus.NotMet),
    };

    /// <summary>The score of a grade when the preparer gives none: the policy's default share of the weight (mof-2020: W, 0.6 W, 0).</summary>
    public static decimal DefaultQualitativeScore(QualitativeGrade grade, decimal weight, ScoringPolicy policy) => grade switch
    {
        QualitativeGrade.Achieved => weight * policy.AchievedDefaultShare,
        QualitativeGrade.Partial => weight * policy.PartialDefaultShare,
        _ => weight * policy.NotAchievedDefaultShare,
    };
}
