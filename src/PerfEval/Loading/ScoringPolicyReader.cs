using System.Collections.Immutable;
using PerfEval.Diagnostics;
using PerfEval.Indicators;
using PerfEval.Scoring;

namespace PerfEval.Loading;

/// <summary>Reads a scoring policy: a base policy (<c>extends</c>) with the values the document changes.</summary>
internal static class ScoringPolicyReader
{
    private static readonly string[] Properties =
    [
        "name", "extends", "description", "budgetWeight", "levelPoints", "totalPoints", "lessIsBetter", "qualitativeBands",
        "qualitativeDefaults", "satisfaction", "grades", "overAchievement", "budgetExplanationBelow", "deductions", "rescaleNotApplicable",
    ];

    private static readonly string[] LevelProperties = ["output", "benefit", "satisfaction", "cost"];
    private static readonly string[] BandProperties = ["achieved", "partial"];
    private static readonly string[] DefaultProperties = ["achieved", "partial", "notAchieved"];
    private static readonly string[] SatisfactionProperties = ["scoring", "fullAt", "step", "stepShare"];
    private static readonly string[] GradeProperties = ["min", "code", "label", "labelEn"];
    private static readonly string[] OverAchievementProperties = ["reviewAt", "reduceAt", "reduceShare"];

    /// <summary>
    /// Reads a policy object. <paramref name="resolve"/> finds the base policy by name; an unknown base is PE1014.
    /// <paramref name="nameRequired"/> is true for policy files and false for an indicator set's inline policy.
    /// </summary>
    public static ScoringPolicy? Read(JsonTree node, DiagnosticBag diagnostics, Func<string, ScoringPolicy?> resolve, IEnumerable<string> known, bool nameRequired, bool checkConsistency = true)
    {
        var r = ObjectReader.Open(node, diagnostics, Properties);
        if (r is null)
        {
            return null;
        }

        var errors = diagnostics.ErrorCount;
        var name = r.String("name", required: nameRequired);
        var extends = r.String("extends") ?? ScoringPolicy.Mof2020.Name;
        var basis = resolve(extends);
        if (basis is null)
        {
            var n = r.Get("extends")!;
            diagnostics.Add(DiagnosticCodes.UnknownPolicy, DiagnosticSeverity.Error, n.Path, n.Location, ("policy", extends), ("known", string.Join(", ", known)));
            basis = ScoringPolicy.Mof2020;
        }

        var p = basis with { Name = name ?? (extends + "*"), Description = r.String("description") ?? basis.Description };
        p = p with
        {
            BudgetWeight = Points(r, "budgetWeight", diagnostics) ?? p.BudgetWeight,
            TotalPoints = Points(r, "totalPoints", diagnostics) ?? p.TotalPoints,
            BudgetExplanationBelow = Percent(r, "budgetExplanationBelow", diagnostics) ?? p.BudgetExplanationBelow,
            AllowDeductions = r.Bool("deductions") ?? p.AllowDeductions,
            RescaleNotApplicable = r.Bool("rescaleNotApplicable") ?? p.RescaleNotApplicable,
        };

        if (r.Object("levelPoints", LevelProperties) is { } levels)
        {
            var points = p.LevelPoints.ToBuilder();
            foreach (var code in LevelProperties)
            {
                if (Points(levels, code, diagnostics) is { } v && IndicatorLevels.TryParseLevel1(code, out var level))
                {
                    points[level] = v;
                }
            }

            p = p with { LevelPoints = points.ToImmutable() };
        }

        if (r.String("lessIsBetter") is { } lib)
        {
            if (lib is "linearToTwiceTarget" or "inverseRatio")
            {
                p = p with { LessIsBetter = lib == "inverseRatio" ? LessIsBetterConvention.InverseRatio : LessIsBetterConvention.LinearToTwiceTarget };
            }
            else
            {
                Invalid(r.Get("lessIsBetter")!, lib, "linearToTwiceTarget | inverseRatio", diagnostics);
            }
        }

        if (r.Object("qualitativeBands", BandProperties) is { } bands)
        {
            p = p with
            {
                AchievedFloor = Share(bands, "achieved", diagnostics) ?? p.AchievedFloor,
                PartialFloor = Share(bands, "partial", diagnostics) ?? p.PartialFloor,
            };
        }

        if (r.Object("qualitativeDefaults", DefaultProperties) is { } defaults)
        {
            p = p with
            {
                AchievedDefaultShare = Share(defaults, "achieved", diagnostics) ?? p.AchievedDefaultShare,
                PartialDefaultShare = Share(defaults, "partial", diagnostics) ?? p.PartialDefaultShare,
                NotAchievedDefaultShare = Share(defaults, "notAchieved", diagnostics) ?? p.NotAchievedDefaultShare,
            };
        }

        if (r.Object("satisfaction", SatisfactionProperties) is { } sat)
        {
            if (sat.String("scoring") is { } scoring)
            {
                if (scoring is "standard" or "weightTimesRate" or "stepped")
                {
                    p = p with { Satisfaction = scoring switch { "weightTimesRate" => SatisfactionScoring.WeightTimesRate, "stepped" => SatisfactionScoring.Stepped, _ => SatisfactionScoring.Standard } };
                }
                else
                {
                    Invalid(sat.Get("scoring")!, scoring, "standard | weightTimesRate | stepped", diagnostics);
                }
            }

            p = p with
            {
                SatisfactionFullAt = Percent(sat, "fullAt", diagnostics) ?? p.SatisfactionFullAt,
                SatisfactionStep = Percent(sat, "step", diagnostics) ?? p.SatisfactionStep,
                SatisfactionStepShare = Share(sat, "stepShare", diagnostics) ?? p.SatisfactionStepShare,
            };
        }

        if (r.Array("grades") is { } grades)
        {
            var list = ImmutableArray.CreateBuilder<GradeBand>();
            foreach (var item in grades.Items)
            {
                var g = ObjectReader.Open(item, diagnostics, GradeProperties);
                if (g is null)
                {
                    continue;
                }

                // The lowest band may leave out "min": it takes every total below the others.
                var min = g.Decimal("min") ?? decimal.MinValue;
                var code = g.String("code", required: true);
                var label = g.String("label", required: true);
                if (code is not null && label is not null)
                {
                    list.Add(new GradeBand(min, code, label, g.String("labelEn") ?? code));
                }
            }

            p = p with { Grades = list.ToImmutable() };
        }

        if (r.Object("overAchievement", OverAchievementProperties) is { } over)
        {
            p = p with
            {
                OverAchievementReviewAt = Percent(over, "reviewAt", diagnostics) ?? p.OverAchievementReviewAt,
                OverAchievementReduceAt = Percent(over, "reduceAt", diagnostics) ?? p.OverAchievementReduceAt,
                OverAchievementReduceShare = Share(over, "reduceShare", diagnostics) ?? p.OverAchievementReduceShare,
            };
        }

        if (diagnostics.ErrorCount != errors)
        {
            return null;
        }

        foreach (var problem in checkConsistency ? Problems(p) : [])
        {
            diagnostics.Add(DiagnosticCodes.InvalidPolicy, DiagnosticSeverity.Error, node.Path, node.Location, ("reason", problem));
        }

        return diagnostics.ErrorCount == errors ? p : null;
    }

    /// <summary>What does not fit together in a policy (also used for policies built in code).</summary>
    public static IEnumerable<string> Problems(ScoringPolicy p)
    {
        if (!(p.PartialFloor > 0 && p.PartialFloor < p.AchievedFloor && p.AchievedFloor <= 1))
        {
            yield return FormattableString.Invariant($"qualitative bands need 0 < partial ({p.PartialFloor}) < achieved ({p.AchievedFloor}) ≤ 1");
        }

        if (p.AchievedDefaultShare < p.AchievedFloor || p.AchievedDefaultShare > 1)
        {
            yield return FormattableString.Invariant($"the default share for 达成 ({p.AchievedDefaultShare}) lies outside its band [{p.AchievedFloor}, 1]");
        }

        if (p.PartialDefaultShare < p.PartialFloor || p.PartialDefaultShare >= p.AchievedFloor)
        {
            yield return FormattableString.Invariant($"the default share for 部分达成 ({p.PartialDefaultShare}) lies outside its band [{p.PartialFloor}, {p.AchievedFloor})");
        }

        if (p.NotAchievedDefaultShare < 0 || p.NotAchievedDefaultShare >= p.PartialFloor)
        {
            yield return FormattableString.Invariant($"the default share for 未达成 ({p.NotAchievedDefaultShare}) lies outside its band [0, {p.PartialFloor})");
        }

        if (p.Grades.IsDefaultOrEmpty)
        {
            yield return "a policy needs at least one grade band";
        }
        else if (p.Grades.Select(g => g.MinimumScore).Distinct().Count() != p.Grades.Length)
        {
            yield return "two grade bands start at the same score";
        }

        var sum = p.BudgetWeight + p.LevelPoints.Values.Sum();
        if (sum != p.TotalPoints)
        {
            yield return FormattableString.Invariant($"the budget weight and the level points add up to {sum}, not {p.TotalPoints}");
        }

        if (p.OverAchievementReduceAt is { } at && at < p.OverAchievementReviewAt)
        {
            yield return FormattableString.Invariant($"points are reduced from {at} %, before the review threshold {p.OverAchievementReviewAt} %");
        }

        if (p.SatisfactionStep <= 0)
        {
            yield return "the satisfaction step must be above 0";
        }
    }

    private static decimal? Points(ObjectReader r, string name, DiagnosticBag diagnostics) => Bounded(r, name, 0m, 1000m, diagnostics);

    private static decimal? Percent(ObjectReader r, string name, DiagnosticBag diagnostics) => Bounded(r, name, 0m, 1000m, diagnostics);

    private static decimal? Share(ObjectReader r, string name, DiagnosticBag diagnostics) => Bounded(r, name, 0m, 1m, diagnostics);

    private static decimal? Bounded(ObjectReader r, string name, decimal low, decimal high, DiagnosticBag diagnostics)
    {
        var v = r.Decimal(name);
        if (v is { } d && (d < low || d > high))
        {
            Invalid(r.Get(name)!, d.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{low} … {high}", diagnostics);
            return null;
        }

        return v;
    }

    private static void Invalid(JsonTree node, string value, string expected, DiagnosticBag diagnostics) =>
        diagnostics.Add(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, node.Path, node.Location, ("value", value),
            ("reason", (Messages.IsChinese ? "应为 " : "expected ") + expected));
}
