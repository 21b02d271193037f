using PerfEval.Actuals;

namespace PerfEval.Evaluation;

/// <summary>The figures of one indicator while the steps work them out.</summary>
internal struct ScoredIndicator
{
    public ActualValue? Actual;
    public decimal? Number;
    public decimal? Completion;
    public IndicatorStatus Status;
    public QualitativeGrade? Grade;
    public bool GradeInferred;
    public decimal Weight;
    public bool Filled;
    public decimal Score;
    public decimal? Deduction;

    /// <summary>Takes a scorer's outcome: completion rate, status and the share of the weight scored.</summary>
    public void Apply(Outcome outcome, decimal? number)
    {
        Number = number;
        Completion = outcome.Completion is { } c ? Figures.Percent(c) : null;
        Status = outcome.Status;
        Score = Figures.Round(Weight * outcome.Share);
    }
}
