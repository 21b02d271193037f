using System.Collections.Immutable;
using PerfEval.Actuals;
using PerfEval.Indicators;

namespace PerfEval.Import;

/// <summary>What the indicator block (绩效指标) of a table says: the indicators, their actuals, and the stated rates and scores.</summary>
internal sealed record IndicatorBlock
{
    /// <summary>The indicators, in table order.</summary>
    public required ImmutableArray<IndicatorDefinition> Definitions { get; init; }

    /// <summary>Their actuals.</summary>
    public required ImmutableArray<IndicatorActual> Actuals { get; init; }

    /// <summary>完成率 as stated, by indicator id.</summary>
    public required ImmutableDictionary<string, decimal> CompletionRates { get; init; }

    /// <summary>得分 as stated, by indicator id.</summary>
    public required ImmutableDictionary<string, decimal> Scores { get; init; }

    /// <summary>The first row after the block (the total row, when there is one).</summary>
    public required int EndRow { get; init; }
}
