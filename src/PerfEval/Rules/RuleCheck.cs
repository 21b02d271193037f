using System.Collections.Immutable;
using PerfEval.Deviations;
using PerfEval.Diagnostics;
using PerfEval.Expressions;

namespace PerfEval.Rules;

/// <summary>
/// What checking one document's reason and consistency rules found: the findings, the reason categories the
/// rules may use, and each rule compiled (null where the rule is unsound). Made once per document, by the
/// reader or, for rules built in code, when they are first prepared.
/// </summary>
/// <param name="Diagnostics">The findings, with paths into the document that holds the rules.</param>
/// <param name="Categories">The built-in or inherited reason categories and those the document adds.</param>
/// <param name="Reasons">Each reason rule's condition compiled, by position; null where the rule is unsound.</param>
/// <param name="Consistency">Each consistency rule's expression compiled, by position; null where the rule is unsound.</param>
internal sealed record RuleCheck(
    ImmutableArray<Diagnostic> Diagnostics,
    ImmutableDictionary<string, ReasonCategory> Categories,
    ImmutableArray<CompiledExpression<bool>?> Reasons,
    ImmutableArray<CompiledExpression<bool>?> Consistency)
{
    /// <summary>The built-in reason categories, by id.</summary>
    public static ImmutableDictionary<string, ReasonCategory> BuiltInCategories { get; } =
        ReasonCategory.BuiltIn.ToImmutableDictionary(c => c.Id, StringComparer.Ordinal);

    /// <summary>The check of a document without rules or categories.</summary>
    public static RuleCheck None { get; } = new([], BuiltInCategories, [], []);

    /// <summary>The values an expression reads that are true / false rather than numbers.</summary>
    private static readonly HashSet<string> BooleanValues = new(StringComparer.Ordinal) { "met", "qualitative", "lessIsBetter", "percent", "pointsLost", "overAchieved" };

    /// <summary>The type of a value a rule's expression reads: <see cref="bool"/> for the flags, <see cref="decimal"/> for figures.</summary>
    /// <param name="name">The value's name.</param>
    /// <returns>Its type.</returns>
    public static Type TypeOf(string name) => BooleanValues.Contains(name) ? typeof(bool) : typeof(decimal);
}
