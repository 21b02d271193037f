using System.Collections.Immutable;
using PerfEval.Evaluation;

namespace PerfEval.Monitoring;

/// <summary>One history over a year: the last monitoring point set beside the year-end evaluation.</summary>
public static class YearHistory
{
    /// <summary>How each indicator moved since the last monitoring point.</summary>
    /// <param name="lastPoint">The last monitoring point of the year.</param>
    /// <param name="yearEnd">The year-end evaluation of the same indicator set.</param>
    /// <returns>One movement per indicator the monitoring point has, in the set's order.</returns>
    public static ImmutableArray<IndicatorMovement> Compare(MonitoringReport lastPoint, EvaluationResult yearEnd)
    {
        ArgumentNullException.ThrowIfNull(lastPoint);
        ArgumentNullException.ThrowIfNull(yearEnd);
        var then = lastPoint.Indicators.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var moves = ImmutableArray.CreateBuilder<IndicatorMovement>();
        foreach (var r in yearEnd.Indicators)
        {
            if (!then.TryGetValue(r.Id, out var p))
            {
                continue;
            }

            moves.Add(new IndicatorMovement
            {
                Id = r.Id,
                Name = r.Name,
                AtMonitoring = p.Actual,
                ProjectedThen = p.Projected,
                LikelihoodThen = p.Likelihood,
                ReasonCategoryThen = p.ReasonCategory,
                ReasonThen = p.Reason,
                MeasuresThen = p.Measures,
                YearEnd = r.Actual,
                Change = r.ActualNumber is { } x && p.ActualNumber is { } y ? Figures.Round(x - y) : null,
                CompletionRate = r.CompletionRate,
                Status = r.Status,
            });
        }

        return moves.ToImmutable();
    }
}
