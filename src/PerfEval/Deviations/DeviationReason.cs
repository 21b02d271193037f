namespace PerfEval.Deviations;

/// <summary>One reason given for a deviation.</summary>
public sealed record DeviationReason
{
    /// <summary>The reason category's id (see <see cref="ReasonCategory"/>); <c>other</c> when the preparer named none.</summary>
    public required string Category { get; init; }

    /// <summary>The category's label in the evaluation's language.</summary>
    public required string CategoryLabel { get; init; }

    /// <summary>The reason's text.</summary>
    public required string Text { get; init; }

    /// <summary>The improvement measures, when given with the reason.</summary>
    public string? Measures { get; init; }

    /// <summary>Where the reason came from.</summary>
    public required ReasonSource Source { get; init; }

    /// <summary>The id of the rule that produced it, for <see cref="ReasonSource.Rule"/>.</summary>
    public string? RuleId { get; init; }
}
