using System.Collections.Immutable;
using PerfEval.Diagnostics;
using PerfEval.Indicators;

namespace PerfEval.Scoring;

/// <summary>
/// What a policy document says: the policy it extends and the values it changes (null: the base's value). Read once,
/// when the document is read; applied to the base, found by name in a catalogue, when the policy is needed.
/// </summary>
internal sealed record PolicyOverrides
{
    /// <summary>The inline policy of an indicator set; null when it has none.</summary>
    /// <param name="set">The set.</param>
    /// <returns>Its overrides.</returns>
    public static PolicyOverrides? Of(IndicatorSet set) => set.InlinePolicy as PolicyOverrides;

    /// <summary>The policy's own name; without one, the result is named after the base with a star.</summary>
    public string? Name { get; init; }

    /// <summary>The base policy's name, as written; null means mof-2020.</summary>
    public string? Extends { get; init; }

    public string? Description { get; init; }

    public decimal? BudgetWeight { get; init; }

    public decimal? TotalPoints { get; init; }

    public decimal? BudgetExplanationBelow { get; init; }

    public bool? AllowDeductions { get; init; }

    public bool? RescaleNotApplicable { get; init; }

    public ImmutableDictionary<Level1, decimal> LevelPoints { get; init; } = ImmutableDictionary<Level1, decimal>.Empty;

    public LessIsBetterConvention? LessIsBetter { get; init; }

    public decimal? AchievedFloor { get; init; }

    public decimal? PartialFloor { get; init; }

    public decimal? AchievedDefaultShare { get; init; }

    public decimal? PartialDefaultShare { get; init; }

    public decimal? NotAchievedDefaultShare { get; init; }

    public SatisfactionScoring? Satisfaction { get; init; }

    public decimal? SatisfactionFullAt { get; init; }

    public decimal? SatisfactionStep { get; init; }

    public decimal? SatisfactionStepShare { get; init; }

    /// <summary>The grade bands, replacing the base's when given.</summary>
    public ImmutableArray<GradeBand>? Grades { get; init; }

    public decimal? OverAchievementReviewAt { get; init; }

    public decimal? OverAchievementReduceAt { get; init; }

    public decimal? OverAchievementReduceShare { get; init; }

    /// <summary>The base's name: <see cref="Extends"/>, or mof-2020.</summary>
    public string BaseName => Extends ?? ScoringPolicy.Mof2020.Name;

    /// <summary>The base with these values changed.</summary>
    public ScoringPolicy ApplyTo(ScoringPolicy basis) => basis with
    {
        Name = Name ?? (BaseName + "*"),
        Description = Description ?? basis.Description,
        BudgetWeight = BudgetWeight ?? basis.BudgetWeight,
        TotalPoints = TotalPoints ?? basis.TotalPoints,
        BudgetExplanationBelow = BudgetExplanationBelow ?? basis.BudgetExplanationBelow,
        AllowDeductions = AllowDeductions ?? basis.AllowDeductions,
        RescaleNotApplicable = RescaleNotApplicable ?? basis.RescaleNotApplicable,
        LevelPoints = LevelPoints.IsEmpty ? basis.LevelPoints : basis.LevelPoints.SetItems(LevelPoints),
        LessIsBetter = LessIsBetter ?? basis.LessIsBetter,
        AchievedFloor = AchievedFloor ?? basis.AchievedFloor,
        PartialFloor = PartialFloor ?? basis.PartialFloor,
        AchievedDefaultShare = AchievedDefaultShare ?? basis.AchievedDefaultShare,
        PartialDefaultShare = PartialDefaultShare ?? basis.PartialDefaultShare,
        NotAchievedDefaultShare = NotAchievedDefaultShare ?? basis.NotAchievedDefaultShare,
        Satisfaction = Satisfaction ?? basis.Satisfaction,
        SatisfactionFullAt = SatisfactionFullAt ?? basis.SatisfactionFullAt,
        SatisfactionStep = SatisfactionStep ?? basis.SatisfactionStep,
        SatisfactionStepShare = SatisfactionStepShare ?? basis.SatisfactionStepShare,
        Grades = Grades ?? basis.Grades,
        OverAchievementReviewAt = OverAchievementReviewAt ?? basis.OverAchievementReviewAt,
        OverAchievementReduceAt = OverAchievementReduceAt ?? basis.OverAchievementReduceAt,
        OverAchievementReduceShare = OverAchievementReduceShare ?? basis.OverAchievementReduceShare,
    };

    /// <summary>
    /// The policy these overrides make with their base, found by name with <paramref name="known"/>: an unknown base is
    /// PE1014 (at <paramref name="path"/><c>.extends</c>), values that do not fit together are PE1015 (at <paramref name="path"/>).
    /// </summary>
    public ScoringPolicy? Resolve(IReadOnlyDictionary<string, ScoringPolicy> known, string path, Func<string, SourceLocation?> locate, DiagnosticBag diagnostics)
    {
        if (!known.TryGetValue(BaseName, out var basis))
        {
            var at = Extends is null ? path : path + ".extends";
            diagnostics.Add(DiagnosticCodes.UnknownPolicy, DiagnosticSeverity.Error, at, locate(at), ("policy", BaseName), ("known", string.Join(", ", known.Keys.Order(StringComparer.Ordinal))));
            return null;
        }

        var policy = ApplyTo(basis);
        var errors = diagnostics.ErrorCount;
        foreach (var problem in Problems(policy))
        {
            diagnostics.Add(DiagnosticCodes.InvalidPolicy, DiagnosticSeverity.Error, path, locate(path), ("reason", problem));
        }

        return diagnostics.ErrorCount == errors ? policy : null;
    }

    /// <summary>What does not fit together in a policy (also used for policies built in code), in no language yet.</summary>
    public static IEnumerable<MessageText> Problems(ScoringPolicy p)
    {
        if (!(p.PartialFloor > 0 && p.PartialFloor < p.AchievedFloor && p.AchievedFloor <= 1))
        {
            yield return MessageText.Of("policy.bands", ("partial", p.PartialFloor), ("achieved", p.AchievedFloor));
        }

        if (p.AchievedDefaultShare < p.AchievedFloor || p.AchievedDefaultShare > 1)
        {
            yield return MessageText.Of("policy.achievedDefault", ("share", p.AchievedDefaultShare), ("floor", p.AchievedFloor));
        }

        if (p.PartialDefaultShare < p.PartialFloor || p.PartialDefaultShare >= p.AchievedFloor)
        {
            yield return MessageText.Of("policy.partialDefault", ("share", p.PartialDefaultShare), ("floor", p.PartialFloor), ("ceiling", p.AchievedFloor));
        }

        if (p.NotAchievedDefaultShare < 0 || p.NotAchievedDefaultShare >= p.PartialFloor)
        {
            yield return MessageText.Of("policy.notAchievedDefault", ("share", p.NotAchievedDefaultShare), ("ceiling", p.PartialFloor));
        }

        if (p.Grades.IsDefaultOrEmpty)
        {
            yield return MessageText.Of("policy.noGrades");
        }
        else if (p.Grades.Select(g => g.MinimumScore).Distinct().Count() != p.Grades.Length)
        {
            yield return MessageText.Of("policy.sameGradeStart");
        }

        var sum = p.BudgetWeight + p.LevelPoints.Values.Sum();
        if (sum != p.TotalPoints)
        {
            yield return MessageText.Of("policy.pointsSum", ("sum", sum), ("total", p.TotalPoints));
        }

        if (p.OverAchievementReduceAt is { } at && at < p.OverAchievementReviewAt)
        {
            yield return MessageText.Of("policy.reduceBeforeReview", ("reduceAt", at), ("reviewAt", p.OverAchievementReviewAt));
        }

        if (p.SatisfactionStep <= 0)
        {
            yield return MessageText.Of("policy.satisfactionStep");
        }
    }
}
