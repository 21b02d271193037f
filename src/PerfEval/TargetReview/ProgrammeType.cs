using System.Collections.Immutable;

namespace PerfEval.TargetReview;

/// <summary>A programme type (项目类型) of a target-review checklist and the kinds of indicator it must have.</summary>
public sealed record ProgrammeType
{
    /// <summary>The type's id (<c>service</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The type's Chinese name, when given.</summary>
    public string? Chinese { get; init; }

    /// <summary>The type's English name, when given.</summary>
    public string? English { get; init; }

    /// <summary>The kinds of indicator every programme of the type must have.</summary>
    public ImmutableArray<IndicatorKind> Requires { get; init; } = [];

    /// <summary>The type's name in a language: its Chinese or English name, or its id.</summary>
    /// <param name="chinese">True for Chinese.</param>
    /// <returns>The name.</returns>
    public string Name(bool chinese) => (chinese ? Chinese : English) ?? Id;
}
