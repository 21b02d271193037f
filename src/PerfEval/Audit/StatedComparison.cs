namespace PerfEval.Audit;

/// <summary>One figure of a submitted report next to its recomputation.</summary>
public sealed record StatedComparison
{
    /// <summary>The figure's path in the actuals (<c>$.stated.expenditureShares.other</c>).</summary>
    public required string Path { get; init; }

    /// <summary>What the figure is, for readers (其他就业补助支出 占总支出比例).</summary>
    public required string Label { get; init; }

    /// <summary>The figure as stated.</summary>
    public required string Stated { get; init; }

    /// <summary>The recomputed figure, rounded to the stated figure's precision.</summary>
    public required string Recomputed { get; init; }

    /// <summary>The recomputed figure before that rounding (two decimals, as PerfEval computes it).</summary>
    public required string Exact { get; init; }

    /// <summary>True when the two agree at the stated precision.</summary>
    public required bool Agrees { get; init; }
}
