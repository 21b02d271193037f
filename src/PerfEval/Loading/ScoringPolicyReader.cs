using System.Collections.Immutable;
using PerfEval.Diagnostics;
using PerfEval.Indicators;
using PerfEval.Scoring;

namespace PerfEval.Loading;

/// <summary>Reads a scoring policy (a file, or an indicator set's inline policy) into <see cref="PolicyOverrides"/>, after policy.schema.json.</summary>
internal static class ScoringPolicyReader
{
    /// <summary>Reads a policy file and applies it to its base from <paramref name="catalog"/>.</summary>
    public static ScoringPolicy? ReadFile(JsonTree root, DiagnosticBag diagnostics, PolicyCatalog catalog)
    {
        if (!SchemaChecker.Check(root, Schemas.Policy, diagnostics) || diagnostics.HasErrors)
        {
            return null;
        }

        return Overrides(root).Resolve(catalog.ByName, root.Path, path => path == root.Path ? root.Location : root.Get("extends")?.Location, diagnostics);
    }

    /// <summary>
    /// Reads an indicator set's inline policy (checked with the set). Its values are checked for consistency now when its
    /// base is one PerfEval ships; a base only the evaluator's catalogue knows is checked when the set is evaluated.
    /// </summary>
    public static PolicyOverrides ReadInline(JsonTree node, DiagnosticBag diagnostics)
    {
        var overrides = Overrides(node);
        if (!node.Faulty && PolicyCatalog.BuiltIn.TryGet(overrides.BaseName, out _))
        {
            overrides.Resolve(PolicyCatalog.BuiltIn.ByName, node.Path, path => path == node.Path ? node.Location : node.Get("extends")?.Location, diagnostics);
        }

        return overrides;
    }

    private static PolicyOverrides Overrides(JsonTree r)
    {
        var levels = r.Get("levelPoints");
        var bands = r.Get("qualitativeBands");
        var defaults = r.Get("qualitativeDefaults");
        var satisfaction = r.Get("satisfaction");
        var over = r.Get("overAchievement");
        var grades = r.Get("grades");
        return new PolicyOverrides
        {
            Name = r.String("name"),
            Extends = r.String("extends"),
            Description = r.String("description"),
            BudgetWeight = r.Decimal("budgetWeight"),
            TotalPoints = r.Decimal("totalPoints"),
            BudgetExplanationBelow = r.Decimal("budgetExplanationBelow"),
            AllowDeductions = r.Bool("deductions"),
            RescaleNotApplicable = r.Bool("rescaleNotApplicable"),
            LevelPoints = levels is null ? ImmutableDictionary<Level1, decimal>.Empty : IndicatorLevels.Level1Codes
                .Select(code => (Code: code, Points: levels.Decimal(code)))
                .Where(l => l.Points is not null && IndicatorLevels.TryParseLevel1(l.Code, out _))
                .ToImmutableDictionary(l => IndicatorLevels.TryParseLevel1(l.Code, out var level) ? level : default, l => l.Points!.Value),
            LessIsBetter = r.String("lessIsBetter")?.Trim().ToLowerInvariant() switch
            {
                "inverseratio" => LessIsBetterConvention.InverseRatio,
                "lineartotwicetarget" => LessIsBetterConvention.LinearToTwiceTarget,
                _ => null,
            },
            AchievedFloor = bands?.Decimal("achieved"),
            PartialFloor = bands?.Decimal("partial"),
            AchievedDefaultShare = defaults?.Decimal("achieved"),
            PartialDefaultShare = defaults?.Decimal("partial"),
            NotAchievedDefaultShare = defaults?.Decimal("notAchieved"),
            Satisfaction = satisfaction?.String("scoring")?.Trim().ToLowerInvariant() switch
            {
                "standard" => SatisfactionScoring.Standard,
                "weighttimesrate" => SatisfactionScoring.WeightTimesRate,
                "stepped" => SatisfactionScoring.Stepped,
                _ => null,
            },
            SatisfactionFullAt = satisfaction?.Decimal("fullAt"),
            SatisfactionStep = satisfaction?.Decimal("step"),
            SatisfactionStepShare = satisfaction?.Decimal("stepShare"),

            // The lowest band may leave out "min": it takes every total below the others.
            Grades = grades is null ? null : [.. grades.Items.Where(g => !g.Faulty).Select(g => new GradeBand(g.Decimal("min") ?? decimal.MinValue, g.String("code")!, g.String("label")!, g.String("labelEn") ?? g.String("code")!))],
            OverAchievementReviewAt = over?.Decimal("reviewAt"),
            OverAchievementReduceAt = over?.Decimal("reduceAt"),
            OverAchievementReduceShare = over?.Decimal("reduceShare"),
        };
    }
}
