using System.Collections.Immutable;
using PerfEval.Actuals;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Loading;

namespace PerfEval.Monitoring;

/// <summary>
/// Monitoring ("双监控", 财预〔2019〕136号): reads actuals that stand at an as-of date against the year's targets. Each
/// indicator gets its progress so far, a projected year-end value and the likelihood of reaching its target; indicators
/// at risk need a reason in the form's fixed categories; budget execution is compared with the time elapsed.
/// docs/monitoring.md describes the projection and the thresholds.
/// </summary>
public static class PerformanceMonitor
{
    /// <summary>The monitoring form's fixed reason categories (经费保障, 制度保障, 人员保障, 硬件条件保障, 其他), as reason-category ids.</summary>
    public static ImmutableArray<string> ReasonCategories { get; } = ["funds", "institutional", "staffing", "equipment", "other"];

    /// <summary>The level-2 groups whose counts accumulate through the year and are projected linearly.</summary>
    private static readonly Level2[] Counted = [Level2.Quantity, Level2.Economic, Level2.Social, Level2.Ecological, Level2.Sustainability];

    /// <summary>Assesses a monitoring point.</summary>
    /// <param name="set">The indicator set.</param>
    /// <param name="actuals">The actuals so far, with <see cref="ProgrammeActuals.AsOf"/>.</param>
    /// <param name="evaluator">The evaluator that reads the actuals (policy, templates, culture); a default one when null.</param>
    /// <param name="thresholds">The thresholds; the defaults when null.</param>
    /// <returns>The monitoring report.</returns>
    public static MonitoringReport Assess(IndicatorSet set, ProgrammeActuals actuals, Evaluator? evaluator = null, MonitoringThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(actuals);
        evaluator ??= new Evaluator();
        thresholds ??= new MonitoringThresholds();
        var bag = new DiagnosticBag(evaluator.MessageCatalog, evaluator.Culture);

        // The actuals so far, read as the year end reads them: computed actuals, percentages, grades, the budget.
        var sofar = evaluator.Evaluate(set, actuals);
        bag.AddRange(sofar.Findings.Where(f => f.Severity == DiagnosticSeverity.Error));

        var share = ElapsedShare(set, actuals, bag);
        var point = new Point(actuals.AsOf ?? new DateOnly(set.Year, 12, 31), share, thresholds);
        var given = actuals.Indicators.IsDefault ? [] : actuals.Indicators;
        var byId = given.GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var definitions = set.Indicators.IsDefault ? [] : set.Indicators;
        var rows = ImmutableArray.CreateBuilder<IndicatorProgress>(sofar.Indicators.Length);
        foreach (var r in sofar.Indicators.Where(r => r.Status != IndicatorStatus.NotApplicable))
        {
            var definition = definitions.First(d => d.Id == r.Id);
            var row = Row(r, definition, byId.GetValueOrDefault(r.Id), point);
            rows.Add(row);
            Flag(row, actuals, bag);
        }

        var elapsed = Figures.Percent(share);
        var rate = sofar.Budget.ExecutionRate;
        var behind = rate is { } er && elapsed - er > thresholds.BudgetTolerance;
        if (behind)
        {
            bag.Add(DiagnosticCodes.BudgetBehindSchedule, DiagnosticSeverity.Warning, "$.budget.spent", actuals.Locations["$.budget.spent"] ?? actuals.Locations["$.budget"],
                ("rate", rate), ("elapsed", elapsed), ("gap", Figures.Round(elapsed - rate!.Value)), ("tolerance", thresholds.BudgetTolerance));
        }

        return new MonitoringReport
        {
            IndicatorSetId = set.Id,
            Name = set.Name,
            Year = set.Year,
            Department = set.Department,
            ImplementingUnit = set.ImplementingUnit,
            AsOf = actuals.AsOf,
            Elapsed = elapsed,
            Budget = new BudgetProgress
            {
                Unit = sofar.Budget.Unit,
                Available = sofar.Budget.Available,
                Spent = sofar.Budget.Spent,
                ExecutionRate = rate,
                Elapsed = elapsed,
                BehindSchedule = behind,
            },
            Indicators = rows.ToImmutable(),
            Findings = bag.ToImmutable(),
        };
    }

    /// <summary>The share of the year elapsed at the as-of date: days elapsed over the days of the year (1 without a date in the year).</summary>
    private static decimal ElapsedShare(IndicatorSet set, ProgrammeActuals actuals, DiagnosticBag bag)
    {
        if (actuals.AsOf is not { } asOf)
        {
            bag.Add(DiagnosticCodes.AsOfMissing, DiagnosticSeverity.Error, "$", actuals.Locations["$"]);
            return 1m;
        }

        if (asOf.Year != set.Year)
        {
            bag.Add(DiagnosticCodes.AsOfOutsideYear, DiagnosticSeverity.Error, "$.asOf", actuals.Locations["$.asOf"], ("asOf", asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), ("year", set.Year));
            return 1m;
        }

        return (decimal)asOf.DayOfYear / (DateTime.IsLeapYear(asOf.Year) ? 366 : 365);
    }

    /// <summary>The as-of date, the share of the year elapsed and the thresholds.</summary>
    private sealed record Point(DateOnly AsOf, decimal Share, MonitoringThresholds Thresholds);

    private static IndicatorProgress Row(IndicatorResult r, IndicatorDefinition d, IndicatorActual? given, Point point)
    {
        var t = r.Target;
        var (method, projected) = Project(r, d, given, point);
        decimal? completion = projected is { } p && t.Value is { } target ? Completion(t, p, target) : null;
        var likelihood = completion is { } c ? Classify(c, point.Thresholds) : Judge(r, given, point);
        var category = given?.Reason is null && given?.ReasonCategory is null ? null : given.ReasonCategory ?? "other";
        return new IndicatorProgress
        {
            Id = r.Id,
            Name = r.Name,
            Program = r.Program,
            Level1 = r.Level1,
            Level2 = r.Level2,
            Target = t,
            Unit = r.Unit,
            Actual = r.Actual,
            ActualNumber = r.ActualNumber,
            Progress = r.CompletionRate,
            Projection = method,
            Projected = projected is { } pr ? Figures.Round(pr) : null,
            ProjectedCompletion = completion is { } cr ? Figures.Round(cr) : null,
            Likelihood = likelihood,
            ReasonCategory = category,
            Reason = given?.Reason,
            Measures = given?.Measures,
        };
    }

    /// <summary>The year-end value: the preparer's, a count divided by the share elapsed, a level as it stands, or none (judged).</summary>
    private static (ProjectionMethod Method, decimal? Value) Project(IndicatorResult r, IndicatorDefinition d, IndicatorActual? given, Point point)
    {
        var t = r.Target;
        var comparable = t.IsNumeric && t.Comparison != Comparison.Range && t.Value is not null;
        if (comparable && given?.Projected?.Number is { } stated)
        {
            return (ProjectionMethod.Stated, stated);
        }

        if (r.Status == IndicatorStatus.Missing && r.ActualNumber is null)
        {
            return (ProjectionMethod.None, null);
        }

        if (!comparable || r.ActualNumber is not { } x)
        {
            return (ProjectionMethod.Judged, null);
        }

        return IsCounted(d) && point.Share > 0 ? (ProjectionMethod.Linear, x / point.Share) : (ProjectionMethod.Level, x);
    }

    /// <summary>Units of time: a duration (2年) does not accumulate through the year.</summary>
    private static readonly string[] TimeUnits = ["年", "个月", "月", "周", "天", "日", "小时"];

    /// <summary>A count that accumulates: a number (not a percentage, a rate per unit or a duration) of an output quantity or a benefit.</summary>
    internal static bool IsCounted(IndicatorDefinition d)
    {
        var unit = (d.Unit ?? d.Target.Unit ?? string.Empty).Trim();
        return !d.Target.IsPercent && Counted.Contains(d.Level2) && !unit.Contains('/', StringComparison.Ordinal) && !TimeUnits.Contains(unit);
    }

    /// <summary>The completion rate of a value against a target, in percent: X / T for more is better, T / X for less is better.</summary>
    private static decimal Completion(Target t, decimal x, decimal target)
    {
        if (t.IsLessBetter)
        {
            return x <= 0 ? 100m : target / x * 100m;
        }

        if (target == 0)
        {
            return x <= 0 ? 100m : 0m;
        }

        return x / target * 100m;
    }

    private static Likelihood Classify(decimal completion, MonitoringThresholds thresholds) =>
        completion >= 100m ? Likelihood.Certain : completion >= thresholds.PossibleFrom ? Likelihood.Possible : Likelihood.Impossible;

    /// <summary>
    /// A deadline, a qualitative target, a range or a missing value, judged as it stands at the as-of date: the preparer's
    /// expected outcome when given (完成 / 未完成), else met now; a deadline still ahead is on schedule, one passed is missed.
    /// </summary>
    private static Likelihood Judge(IndicatorResult r, IndicatorActual? given, Point point)
    {
        if (given?.Projected?.Done is { } done)
        {
            return done ? Likelihood.Certain : Likelihood.Impossible;
        }

        if (r.Status == IndicatorStatus.Met)
        {
            return Likelihood.Certain;
        }

        if (r.Target.Comparison == Comparison.Deadline && r.Target.Deadline is { } deadline)
        {
            return deadline.LastDay(point.AsOf.Year) < point.AsOf ? Likelihood.Impossible : Likelihood.Certain;
        }

        return r.Grade switch
        {
            QualitativeGrade.Achieved => Likelihood.Certain,
            QualitativeGrade.NotAchieved => Likelihood.Impossible,
            _ => Likelihood.Possible,
        };
    }

    /// <summary>PE8103 for an indicator at risk without a reason or a correction; PE8104 for a reason outside the form's categories.</summary>
    private static void Flag(IndicatorProgress row, ProgrammeActuals actuals, DiagnosticBag bag)
    {
        if (!row.NeedsReason)
        {
            return;
        }

        var path = JsonTree.IndicatorPath(row.Id);
        var at = actuals.Locations[path] ?? actuals.Locations["$.indicators"] ?? actuals.Locations["$"];
        if (string.IsNullOrWhiteSpace(row.Reason) || string.IsNullOrWhiteSpace(row.Measures))
        {
            bag.Add(DiagnosticCodes.MonitoringReasonMissing, DiagnosticSeverity.Warning, path, at,
                ("name", row.Name), ("id", row.Id), ("likelihood", MessageText.Of("likelihood." + LikelihoodCode(row.Likelihood))));
        }

        if (row.ReasonCategory is { } category && !ReasonCategories.Contains(category))
        {
            bag.Add(DiagnosticCodes.MonitoringReasonCategory, DiagnosticSeverity.Warning, path + ".reasonCategory", actuals.Locations[path + ".reasonCategory"] ?? at,
                ("name", row.Name), ("id", row.Id), ("category", category), ("known", string.Join(", ", ReasonCategories)));
        }
    }

    /// <summary>The code of a likelihood in messages and JSON: certain, possible, impossible.</summary>
    /// <param name="likelihood">The likelihood.</param>
    /// <returns>The code.</returns>
    public static string LikelihoodCode(Likelihood likelihood) => likelihood switch
    {
        Likelihood.Certain => "certain",
        Likelihood.Possible => "possible",
        _ => "impossible",
    };
}
