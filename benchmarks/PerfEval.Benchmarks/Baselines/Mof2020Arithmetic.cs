using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PerfEval.Actuals;
using PerfEval.Deviations;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Loading;
using PerfEval.Scoring;

namespace PerfEval.Benchmarks.Baselines;

/// <summary>
/// The arithmetic of the national rules (docs/scoring.md) written out by hand with the values of
/// <see cref="ScoringPolicy.Mof2020"/>: weights, budget execution, completion rates, shares, deviations.
/// Shared by the hand-written evaluator and the RulesEngine contender, which differ only in how they decide
/// whether a target was reached. Straight-line code: no LINQ, one record per figure.
/// </summary>
internal sealed class Mof2020Arithmetic
{
    private static readonly ImmutableArray<ExplanationTrigger> NoTriggers = [];
    private static readonly ImmutableArray<ExplanationTrigger> PointsLost = [ExplanationTrigger.PointsLost];
    private static readonly ImmutableArray<ExplanationTrigger> OverAchieved = [ExplanationTrigger.OverAchievement];
    private static readonly ImmutableArray<ExplanationTrigger> Both = [ExplanationTrigger.PointsLost, ExplanationTrigger.OverAchievement];
    private static readonly ImmutableArray<ExplanationTrigger> UnderExecuted = [ExplanationTrigger.BudgetUnderExecution];

    private readonly decimal[] _levelPoints = new decimal[4];
    private readonly bool[] _hasLevelPoints = new bool[4];
    private readonly Dictionary<string, ReasonCategory> _categories = new(StringComparer.Ordinal);

    public Mof2020Arithmetic()
    {
        Policy = ScoringPolicy.Mof2020;
        if (Policy.LessIsBetter != LessIsBetterConvention.LinearToTwiceTarget || Policy.Satisfaction != SatisfactionScoring.Standard || Policy.OverAchievementReduceAt is not null)
        {
            throw new InvalidOperationException("The hand-written arithmetic follows mof-2020 only.");
        }

        foreach (var (level, points) in Policy.LevelPoints)
        {
            _levelPoints[(int)level] = points;
            _hasLevelPoints[(int)level] = true;
        }

        foreach (var category in ReasonCategory.BuiltIn)
        {
            _categories[category.Id] = category;
        }

        Chinese = IsChineseCulture(CultureInfo.CurrentUICulture);
    }

    public ScoringPolicy Policy { get; }

    /// <summary>Whether labels and messages are Chinese (the UI culture, as the library decides it).</summary>
    public bool Chinese { get; }

    public static ImmutableArray<T> Wrap<T>(T[] items) => ImmutableCollectionsMarshal.AsImmutableArray(items);

    /// <summary>Pairs each indicator with its actual: by position when the actuals follow the set's order, else by id.</summary>
    public static IndicatorActual?[] Match(ImmutableArray<IndicatorDefinition> definitions, ImmutableArray<IndicatorActual> actuals)
    {
        var given = new IndicatorActual?[definitions.Length];
        var inOrder = actuals.Length == definitions.Length;
        for (var i = 0; inOrder && i < definitions.Length; i++)
        {
            inOrder = string.Equals(definitions[i].Id, actuals[i].Id, StringComparison.Ordinal);
        }

        if (inOrder)
        {
            for (var i = 0; i < given.Length; i++)
            {
                given[i] = actuals[i];
            }

            return given;
        }

        var byId = new Dictionary<string, IndicatorActual>(actuals.Length, StringComparer.Ordinal);
        foreach (var a in actuals)
        {
            byId.TryAdd(a.Id, a);
        }

        for (var i = 0; i < given.Length; i++)
        {
            given[i] = byId.GetValueOrDefault(definitions[i].Id);
        }

        return given;
    }

    /// <summary>Weights: the indicator's own, or the level's remaining points split to the cent (largest remainder, table order).</summary>
    public void FillWeights(ImmutableArray<IndicatorDefinition> definitions, IndicatorActual?[] given, decimal[] weights, bool[] filled, ref List<Diagnostic>? findings)
    {
        Span<decimal> explicitSum = stackalloc decimal[4];
        Span<int> missing = stackalloc int[4];
        Span<long> each = stackalloc long[4];
        Span<long> extra = stackalloc long[4];
        Span<int> seen = stackalloc int[4];
        var dropped = 0m;
        for (var i = 0; i < definitions.Length; i++)
        {
            var d = definitions[i];
            if (given[i] is { NotApplicable: true })
            {
                dropped += d.Weight ?? 0m;
                continue;
            }

            if (d.Weight is { } w)
            {
                weights[i] = w;
                explicitSum[(int)d.Level1] += w;
            }
            else
            {
                missing[(int)d.Level1]++;
            }
        }

        for (var level = 0; level < 4; level++)
        {
            if (missing[level] == 0)
            {
                continue;
            }

            if (!_hasLevelPoints[level])
            {
                Add(ref findings, DiagnosticCodes.NoLevelPoints, DiagnosticSeverity.Error, "$.indicators", "no points for level " + level.ToString(CultureInfo.InvariantCulture));
                continue;
            }

            var remaining = _levelPoints[level] - explicitSum[level];
            if (remaining < 0)
            {
                Add(ref findings, DiagnosticCodes.LevelPointsExceeded, DiagnosticSeverity.Error, "$.indicators", "explicit weights exceed the level's points");
                remaining = 0;
            }

            var cents = (long)(Figures.Round(remaining) * 100m);
            each[level] = cents / missing[level];
            extra[level] = cents % missing[level];
        }

        for (var i = 0; i < definitions.Length; i++)
        {
            var d = definitions[i];
            if (d.Weight is not null || given[i] is { NotApplicable: true })
            {
                continue;
            }

            var level = (int)d.Level1;
            if (!_hasLevelPoints[level])
            {
                continue;
            }

            var k = seen[level]++;
            weights[i] = (each[level] + (k < extra[level] ? 1 : 0)) / 100m;
            filled[i] = true;
        }

        if (dropped > 0 && Policy.RescaleNotApplicable)
        {
            Rescale(weights, dropped);
            Add(ref findings, DiagnosticCodes.WeightsRescaled, DiagnosticSeverity.Info, "$.indicators", "weights rescaled");
        }
    }

    private static void Rescale(decimal[] weights, decimal dropped)
    {
        var sum = 0m;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i];
        }

        if (sum <= 0)
        {
            return;
        }

        var targetCents = (long)(Figures.Round(sum + dropped) * 100m);
        var exact = new decimal[weights.Length];
        var cents = new long[weights.Length];
        var left = targetCents;
        for (var i = 0; i < weights.Length; i++)
        {
            exact[i] = weights[i] * (sum + dropped) / sum * 100m;
            cents[i] = (long)Math.Floor(exact[i]);
            left -= cents[i];
        }

        // Largest remainder first, ties in table order; each weight gains at most one cent.
        var bumped = new bool[weights.Length];
        for (; left > 0; left--)
        {
            var best = -1;
            for (var i = 0; i < exact.Length; i++)
            {
                if (!bumped[i] && (best < 0 || exact[i] - cents[i] > exact[best] - cents[best]))
                {
                    best = i;
                }
            }

            if (best < 0)
            {
                break;
            }

            bumped[best] = true;
            cents[best]++;
        }

        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = cents[i] / 100m;
        }
    }

    /// <summary>The funds block: A, B, execution rate and score, line shares and the budget's deviation.</summary>
    public BudgetResult Budget(IndicatorSet set, ProgrammeActuals actuals, ref List<Diagnostic>? findings)
    {
        var b = actuals.Budget;
        var declaredSources = set.Budget.Sources.IsDefault ? [] : set.Budget.Sources;
        var declaredExpenditures = set.Budget.Expenditures.IsDefault ? [] : set.Budget.Expenditures;
        var givenSources = b.Sources.IsDefault ? [] : b.Sources;
        var givenExpenditures = b.Expenditures.IsDefault ? [] : b.Expenditures;
        var sourceAmounts = Amounts(declaredSources, givenSources, out var sourcesSum, ref findings);
        var expenditureAmounts = Amounts(declaredExpenditures, givenExpenditures, out var expendituresSum, ref findings);
        var available = Total(b.Available, sourcesSum, DiagnosticCodes.SourcesTotalMismatch, "$.budget.available", ref findings);
        var spent = Total(b.Spent, expendituresSum, DiagnosticCodes.ExpendituresTotalMismatch, "$.budget.spent", ref findings);

        decimal? rate = null;
        var score = 0m;
        if (available is > 0 && spent is { } s)
        {
            var ratio = s / available.Value;
            rate = Figures.Percent(ratio);
            score = Figures.Round(Policy.BudgetWeight * Math.Min(1m, ratio));
            if (s > available)
            {
                Add(ref findings, DiagnosticCodes.OverSpent, DiagnosticSeverity.Warning, "$.budget.spent", "spending above the available budget");
            }
        }

        var triggers = rate < Policy.BudgetExplanationBelow || (rate is null && available is not null) ? UnderExecuted : NoTriggers;
        var reasons = Reasons(b.Reason, b.Measures, b.ReasonCategory, indicatorId: null, ref findings);
        var deviation = new Deviation
        {
            Direction = available is { } a && spent is { } sp ? Direction(sp - a) : DeviationDirection.None,
            Absolute = spent - available,
            Relative = available is > 0 && spent is { } spent2 ? Figures.Percent((spent2 - available.Value) / available.Value) : null,
            Triggers = triggers,
            Reasons = reasons,
        };
        if (triggers.Length > 0 && !HasText(reasons))
        {
            Add(ref findings, DiagnosticCodes.ExplanationMissing, DiagnosticSeverity.Warning, "$.budget", Chinese ? "项目资金需说明偏差原因" : "budget execution must be explained but has no reason.");
        }

        return new BudgetResult
        {
            Unit = set.Budget.Unit,
            Initial = b.Initial,
            Available = available,
            Spent = spent,
            ExecutionRate = rate,
            Weight = Policy.BudgetWeight,
            Score = score,
            Sources = Lines(declaredSources, givenSources, sourceAmounts, isSource: true, available),
            Expenditures = Lines(declaredExpenditures, givenExpenditures, expenditureAmounts, isSource: false, spent),
            Deviation = deviation,
        };
    }

    /// <summary>The amount of each declared line (0 when not given), or of each given line when none are declared; null when there are no lines.</summary>
    private static decimal[]? Amounts(ImmutableArray<BudgetLine> declared, ImmutableArray<BudgetAmount> given, out decimal? sum, ref List<Diagnostic>? findings)
    {
        sum = null;
        if (given.Length == 0)
        {
            return null;
        }

        if (declared.Length == 0)
        {
            var amounts = new decimal[given.Length];
            var total = 0m;
            for (var i = 0; i < given.Length; i++)
            {
                amounts[i] = given[i].Amount;
                total += amounts[i];
            }

            sum = total;
            return amounts;
        }

        var byLine = new decimal[declared.Length];
        var known = 0;
        for (var i = 0; i < declared.Length; i++)
        {
            foreach (var a in given)
            {
                if (string.Equals(a.Id, declared[i].Id, StringComparison.Ordinal))
                {
                    byLine[i] = a.Amount;
                    known++;
                    break;
                }
            }
        }

        if (known != given.Length)
        {
            Add(ref findings, DiagnosticCodes.UnknownBudgetLine, DiagnosticSeverity.Error, "$.budget", "an amount names no declared budget line");
        }

        var sumOfLines = 0m;
        foreach (var amount in byLine)
        {
            sumOfLines += amount;
        }

        sum = sumOfLines;
        return byLine;
    }

    private static ImmutableArray<BudgetLineResult> Lines(ImmutableArray<BudgetLine> declared, ImmutableArray<BudgetAmount> given, decimal[]? amounts, bool isSource, decimal? total)
    {
        if (amounts is null)
        {
            return [];
        }

        var lines = new BudgetLineResult[amounts.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            var (id, name, category) = declared.Length > 0 ? (declared[i].Id, declared[i].Name, declared[i].Category) : (given[i].Id, given[i].Id, SourceCategory.Appropriation);
            lines[i] = new BudgetLineResult
            {
                Id = id,
                Name = name,
                Category = isSource ? category : null,
                Amount = amounts[i],
                Share = total is > 0 ? Figures.Percent(amounts[i] / total.Value) : null,
            };
        }

        return Wrap(lines);
    }

    private static decimal? Total(decimal? stated, decimal? sum, string mismatchCode, string path, ref List<Diagnostic>? findings)
    {
        if (stated is { } total)
        {
            if (sum is { } s && s != total)
            {
                Add(ref findings, mismatchCode, DiagnosticSeverity.Error, path, "the lines do not add up to the total");
            }

            return total;
        }

        if (sum is null)
        {
            Add(ref findings, DiagnosticCodes.BudgetMissing, DiagnosticSeverity.Error, path, "missing budget figure");
        }

        return sum;
    }

    // ---- completion rates and shares (docs/scoring.md, "Completion rates" and "Scores") ----

    /// <summary>True for the comparisons where more is better and the ratio is X / T.</summary>
    public static bool MoreIsBetter(Target t) =>
        t.Comparison is Comparison.AtLeast or Comparison.GreaterThan || (t.Comparison == Comparison.Equal && t.Value > 0);

    /// <summary>The unrounded completion ratio of a numeric comparison.</summary>
    public static decimal Completion(Target t, decimal x)
    {
        var target = t.Value ?? 0m;
        switch (t.Comparison)
        {
            case Comparison.AtLeast or Comparison.GreaterThan:
                return x / target;
            case Comparison.Equal:
                return target > 0 ? x / target : x <= 0 ? 1m : 0m;
            case Comparison.AtMost or Comparison.LessThan:
                return x == 0 ? 1m : target / x;
            default:
            {
                // Range.
                var high = t.UpperValue ?? target;
                return x >= target && x <= high ? 1m : x < target ? x / target : high / x;
            }
        }
    }

    /// <summary>The share of the weight earned by a numeric actual that missed its target.</summary>
    public static decimal ShortfallShare(Target t, decimal x)
    {
        var target = t.Value ?? 0m;
        switch (t.Comparison)
        {
            case Comparison.AtLeast or Comparison.GreaterThan:
                return x / target;
            case Comparison.Equal:
                return target > 0 ? x / target : 0m;
            case Comparison.AtMost or Comparison.LessThan:
                return Linear(target, x);
            default:
            {
                var high = t.UpperValue ?? target;
                return x < target ? x / target : Linear(high, x);
            }
        }
    }

    /// <summary>≤ above its target, mof-2020: W × (1 − (X − T) / T) while X &lt; 2T, then 0.</summary>
    private static decimal Linear(decimal target, decimal x) => target > 0 && x < 2 * target ? 1m - ((x - target) / target) : 0m;

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

    /// <summary>The grade a qualitative actual implies when none is given: it repeats the target, or says done / not done.</summary>
    public static QualitativeGrade? InferGrade(Target t, ActualValue actual)
    {
        if (SameWording(actual.Text, t.Description ?? t.Text ?? string.Empty))
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

    /// <summary>Equal text once white space and punctuation are skipped and full-width digits and signs folded.</summary>
    private static bool SameWording(string a, string b)
    {
        int i = 0, j = 0;
        while (true)
        {
            while (i < a.Length && Skip(a[i]))
            {
                i++;
            }

            while (j < b.Length && Skip(b[j]))
            {
                j++;
            }

            if (i == a.Length || j == b.Length)
            {
                return i == a.Length && j == b.Length;
            }

            if (Fold(a[i]) != Fold(b[j]))
            {
                return false;
            }

            i++;
            j++;
        }

        static bool Skip(char c) => char.IsWhiteSpace(c) || char.IsPunctuation(c) || c == '$';

        static char Fold(char c) => c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c;
    }

    /// <summary>The score of a qualitative grade: the preparer's score when it lies in the grade's band, else the policy's default.</summary>
    public decimal QualitativeScore(QualitativeGrade grade, decimal weight, decimal? stated, ref List<Diagnostic>? findings, string id)
    {
        decimal low, high, score;
        switch (grade)
        {
            case QualitativeGrade.Achieved:
                low = weight * Policy.AchievedFloor;
                high = weight;
                score = weight * Policy.AchievedDefaultShare;
                break;
            case QualitativeGrade.Partial:
                low = weight * Policy.PartialFloor;
                high = weight * Policy.AchievedFloor;
                score = weight * Policy.PartialDefaultShare;
                break;
            default:
                low = 0m;
                high = weight * Policy.PartialFloor;
                score = weight * Policy.NotAchievedDefaultShare;
                break;
        }

        if (stated is { } s)
        {
            if (s >= low && (grade == QualitativeGrade.Achieved ? s <= high : s < high))
            {
                score = s;
            }
            else
            {
                Add(ref findings, DiagnosticCodes.ScoreOutOfBand, DiagnosticSeverity.Error, "$.indicators." + id + ".score", "score outside its grade's band");
            }
        }

        return Figures.Round(score);
    }

    public static IndicatorStatus GradeStatus(QualitativeGrade grade) => grade switch
    {
        QualitativeGrade.Achieved => IndicatorStatus.Met,
        QualitativeGrade.Partial => IndicatorStatus.PartiallyMet,
        _ => IndicatorStatus.NotMet,
    };

    // ---- deviations (docs/rules.md) ----

    /// <summary>An indicator's deviation, its reasons, and the missing-explanation warning.</summary>
    public Deviation MeasureDeviation(in IndicatorFigures f, IndicatorDefinition d, IndicatorActual? given, ref List<Diagnostic>? findings)
    {
        var reasons = given is null ? [] : Reasons(given.Reason, given.Measures, given.ReasonCategory, d.Id, ref findings);
        if (f.Status == IndicatorStatus.NotApplicable)
        {
            return reasons.Length == 0 ? Deviations.Deviation.None : Deviations.Deviation.None with { Reasons = reasons };
        }

        var t = d.Target;
        DeviationDirection direction;
        decimal? absolute = null;
        decimal? relative = null;
        if (t.IsNumeric && f.ActualNumber is { } x)
        {
            var reference = t.Value ?? 0m;
            if (t.Comparison == Comparison.Range)
            {
                reference = x < reference ? reference : x > (t.UpperValue ?? 0m) ? t.UpperValue ?? 0m : x;
            }

            absolute = x - reference;
            relative = reference != 0 ? Figures.Percent((x - reference) / reference) : null;
            direction = Direction(x - reference);
        }
        else
        {
            direction = f.Status is IndicatorStatus.Met or IndicatorStatus.Missing ? DeviationDirection.None : DeviationDirection.Below;
        }

        var lost = f.Score < f.Weight;
        var over = f.CompletionRate >= Policy.OverAchievementReviewAt && MoreIsBetter(t);
        var triggers = lost ? (over ? Both : PointsLost) : over ? OverAchieved : NoTriggers;
        if (triggers.Length > 0 && !HasText(reasons))
        {
            Add(ref findings, DiagnosticCodes.ExplanationMissing, DiagnosticSeverity.Warning, "$.indicators." + d.Id,
                Chinese ? "“" + d.Name + "”（" + d.Id + "）需说明偏差原因，但未填写。" : "'" + d.Name + "' (" + d.Id + ") must be explained but has no reason.");
        }

        if (direction == DeviationDirection.None && absolute is null && relative is null && triggers.Length == 0 && reasons.Length == 0)
        {
            return Deviations.Deviation.None;
        }

        return new Deviation { Direction = direction, Absolute = absolute, Relative = relative, Triggers = triggers, Reasons = reasons };
    }

    private ImmutableArray<DeviationReason> Reasons(string? reason, string? measures, string? category, string? indicatorId, ref List<Diagnostic>? findings)
    {
        if (string.IsNullOrWhiteSpace(reason) && string.IsNullOrWhiteSpace(measures))
        {
            return [];
        }

        if (!_categories.TryGetValue(category ?? "other", out var known))
        {
            var path = indicatorId is null ? "$.budget" : "$.indicators." + indicatorId;
            Add(ref findings, DiagnosticCodes.UnknownReasonCategory, DiagnosticSeverity.Error, path + ".reasonCategory", "unknown reason category " + category);
            known = _categories["other"];
        }

        return
        [
            new DeviationReason
            {
                Category = known.Id,
                CategoryLabel = known.Label(Chinese),
                Text = reason?.Trim() ?? string.Empty,
                Measures = string.IsNullOrWhiteSpace(measures) ? null : measures.Trim(),
                Source = ReasonSource.Preparer,
            },
        ];
    }

    private static bool HasText(ImmutableArray<DeviationReason> reasons)
    {
        foreach (var r in reasons)
        {
            if (r.Text.Length > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static DeviationDirection Direction(decimal difference) =>
        difference > 0 ? DeviationDirection.Above : difference < 0 ? DeviationDirection.Below : DeviationDirection.None;

    // ---- the result ----

    /// <summary>Makes the indicator's record once, with its deviation, and applies a deduction (扣分).</summary>
    public IndicatorResult Result(IndicatorDefinition d, IndicatorActual? given, in IndicatorFigures figures, ref List<Diagnostic>? findings)
    {
        var f = figures;
        if (given?.Deduction is { } deduction && deduction != 0 && f.Status != IndicatorStatus.NotApplicable && Policy.AllowDeductions)
        {
            f.Deduction = deduction;
            f.Score = Figures.Round(Math.Max(0m, f.Score - deduction));
        }

        var result = new IndicatorResult
        {
            Id = d.Id,
            Name = d.Name,
            Program = d.Program,
            Level1 = d.Level1,
            Level2 = d.Level2,
            Target = d.Target,
            Unit = d.Unit,
            Actual = f.Actual,
            ActualNumber = f.ActualNumber,
            CompletionRate = f.CompletionRate,
            Status = f.Status,
            Grade = f.Grade,
            GradeInferred = f.GradeInferred,
            Weight = f.Weight,
            WeightFilled = f.WeightFilled,
            Score = f.Score,
            Deduction = f.Deduction,
            Reason = given?.Reason,
            Measures = given?.Measures,
            Deviation = MeasureDeviation(f, d, given, ref findings),
        };
        return result;
    }

    public EvaluationResult Total(IndicatorSet set, BudgetResult budget, IndicatorResult[] indicators, List<Diagnostic>? findings)
    {
        var totalWeight = budget.Weight;
        var total = budget.Score;
        for (var i = 0; i < indicators.Length; i++)
        {
            totalWeight += indicators[i].Weight;
            total += indicators[i].Score;
        }

        if (totalWeight != Policy.TotalPoints && indicators.Length > 0)
        {
            Add(ref findings, DiagnosticCodes.WeightsDoNotAddUp, DiagnosticSeverity.Warning, "$.indicators", "the weights do not add up");
        }

        GradeBand? grade = null;
        foreach (var band in Policy.Grades)
        {
            // mof-2020 lists its bands highest first.
            if (total >= band.MinimumScore)
            {
                grade = band;
                break;
            }
        }

        return new EvaluationResult
        {
            IndicatorSetId = set.Id,
            Name = set.Name,
            Year = set.Year,
            Department = set.Department,
            ImplementingUnit = set.ImplementingUnit,
            Goals = set.Goals.IsDefault ? [] : set.Goals,
            Policy = Policy.Name,
            Budget = budget,
            Indicators = Wrap(indicators),
            TotalWeight = totalWeight,
            TotalScore = total,
            Grade = grade ?? new GradeBand(decimal.MinValue, "none", "—", "—"),
            Findings = Sorted(findings),
        };
    }

    /// <summary>Errors first, then warnings, then information, each in the order found (a stable sort).</summary>
    private static ImmutableArray<Diagnostic> Sorted(List<Diagnostic>? findings)
    {
        if (findings is null)
        {
            return [];
        }

        var sorted = new Diagnostic[findings.Count];
        var n = 0;
        for (var severity = DiagnosticSeverity.Error; severity >= DiagnosticSeverity.Info; severity--)
        {
            foreach (var f in findings)
            {
                if (f.Severity == severity)
                {
                    sorted[n++] = f;
                }
            }
        }

        return Wrap(sorted);
    }

    public static void Add(ref List<Diagnostic>? findings, string code, DiagnosticSeverity severity, string path, string message) =>
        (findings ??= []).Add(new Diagnostic(code, severity, path, message));

    private static bool IsChineseCulture(CultureInfo culture)
    {
        for (var c = culture; !c.Equals(CultureInfo.InvariantCulture); c = c.Parent)
        {
            if (c.Name.Equals("zh", StringComparison.OrdinalIgnoreCase) || c.TwoLetterISOLanguageName == "zh")
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>An indicator's figures before its record is made.</summary>
internal struct IndicatorFigures
{
    public ActualValue? Actual;
    public decimal? ActualNumber;
    public decimal? CompletionRate;
    public IndicatorStatus Status;
    public QualitativeGrade? Grade;
    public bool GradeInferred;
    public decimal Weight;
    public bool WeightFilled;
    public decimal Score;
    public decimal? Deduction;
}
