using PerfEval.Actuals;
using PerfEval.Deviations;
using PerfEval.Indicators;

namespace PerfEval.Evaluation;

/// <summary>One indicator's evaluation.</summary>
public sealed record IndicatorResult
{
    /// <summary>The indicator's id.</summary>
    public required string Id { get; init; }

    /// <summary>The indicator's name.</summary>
    public required string Name { get; init; }

    /// <summary>The sub-programme, if any.</summary>
    public string? Program { get; init; }

    /// <summary>The level-1 group.</summary>
    public required Level1 Level1 { get; init; }

    /// <summary>The level-2 group.</summary>
    public required Level2 Level2 { get; init; }

    /// <summary>The target with its resolved comparison; <see cref="Target.Display"/> is what tables print.</summary>
    public required Target Target { get; init; }

    /// <summary>The unit of measure.</summary>
    public string? Unit { get; init; }

    /// <summary>The actual as reported (or as computed from inputs); <see langword="null"/> when missing.</summary>
    public ActualValue? Actual { get; init; }

    /// <summary>The number that was scored (after computing it from inputs, and counting a negative as 0).</summary>
    public decimal? ActualNumber { get; init; }

    /// <summary>The completion rate in percent, two decimals; <see langword="null"/> where no ratio is defined (qualitative, missing, not applicable).</summary>
    public decimal? CompletionRate { get; init; }

    /// <summary>Whether the target was reached.</summary>
    public required IndicatorStatus Status { get; init; }

    /// <summary>The qualitative grade used, for qualitative indicators.</summary>
    public QualitativeGrade? Grade { get; init; }

    /// <summary>True when the grade was not given but read from the actual (it repeats the target, or says 完成 / 未完成).</summary>
    public bool GradeInferred { get; init; }

    /// <summary>The weight in points.</summary>
    public required decimal Weight { get; init; }

    /// <summary>True when the weight was filled by the scoring policy rather than written in the indicator set.</summary>
    public bool WeightFilled { get; init; }

    /// <summary>The score in points, two decimals, never above <see cref="Weight"/>.</summary>
    public required decimal Score { get; init; }

    /// <summary>Points deducted (扣分) from the computed score, when the actuals give a deduction and the policy allows it.</summary>
    public decimal? Deduction { get; init; }

    private Deviation _deviation = Deviation.None;

    /// <summary>How far the actual is from its target, whether that must be explained, and the reasons given.</summary>
    public Deviation Deviation { get => _deviation; init => _deviation = value; }

    /// <summary>Gives a result its deviation once, before the evaluator hands the result out (saves copying the record).</summary>
    internal void SetDeviation(Deviation deviation) => _deviation = deviation;

    /// <summary>The preparer's deviation reason.</summary>
    public string? Reason { get; init; }

    /// <summary>The preparer's improvement measures.</summary>
    public string? Measures { get; init; }
}
