using System.Collections.Immutable;
using System.Globalization;

namespace PerfEval.Diagnostics;

/// <summary>
/// A piece of a message in PerfEval's own words (a reason, a kind of figure, a grade, a list of triggers), kept as a
/// key of the message resources with the arguments of its own template, not as text in one language. A diagnostic
/// keeps it so, and <see cref="MessageCatalog"/> writes it in the language the message is rendered in: the same
/// diagnostic is then wholly English or wholly Chinese, whatever language it was first written in.
/// </summary>
internal sealed class MessageText
{
    /// <summary>The key of the template that joins the items of a list (<c>", "</c> in English, <c>"、"</c> in Chinese).</summary>
    public const string ListSeparatorKey = "list.separator";

    /// <summary>The words of <see cref="Word"/> by their names (<c>"number or string"</c>, <c>"source"</c>…), as the readers and checks name them.</summary>
    private static readonly Dictionary<string, string> WordKeys = new(StringComparer.Ordinal)
    {
        ["object"] = "word.object",
        ["array"] = "word.array",
        ["string"] = "word.string",
        ["number"] = "word.number",
        ["boolean"] = "word.boolean",
        ["null"] = "word.null",
        ["number or string"] = "word.numberOrString",
        ["string or object"] = "word.stringOrObject",
        ["number, string or object"] = "word.numberStringOrObject",
        ["source"] = "word.source",
        ["expenditure"] = "word.expenditure",
        ["available budget"] = "word.availableBudget",
        ["spending"] = "word.spending",
        ["pointsLost"] = "trigger.pointsLost",
        ["overAchievement"] = "trigger.overAchievement",
        ["budgetUnderExecution"] = "trigger.budgetUnderExecution",
    };

    private MessageText(string key, ImmutableArray<KeyValuePair<string, object>> arguments, ImmutableArray<object> items)
    {
        Key = key;
        Arguments = arguments;
        Items = items;
    }

    /// <summary>The key of the template in the message resources (<c>reason.weightRange</c>); empty for a list.</summary>
    public string Key { get; }

    /// <summary>The arguments of the template, by placeholder name: each a <see cref="string"/> (data, in invariant culture) or a <see cref="MessageText"/>.</summary>
    public ImmutableArray<KeyValuePair<string, object>> Arguments { get; }

    /// <summary>For a list, its items (strings or texts), joined in the language's own way; empty otherwise.</summary>
    public ImmutableArray<object> Items { get; }

    /// <summary>Whether this is a list.</summary>
    public bool IsList => Key.Length == 0;

    /// <summary>A text from the resources with the arguments of its template.</summary>
    /// <param name="key">The key, such as <c>reason.tooManyExpressions</c>.</param>
    /// <param name="arguments">The values of its placeholders: numbers are written in invariant culture, texts stay texts.</param>
    /// <returns>The text.</returns>
    public static MessageText Of(string key, params (string Name, object? Value)[] arguments)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var args = ImmutableArray.CreateBuilder<KeyValuePair<string, object>>(arguments.Length);
        foreach (var (name, value) in arguments)
        {
            args.Add(KeyValuePair.Create(name, Neutral(value)));
        }

        return new MessageText(key, args.MoveToImmutable(), []);
    }

    /// <summary>A list whose items are joined with the separator of the language (data items stay as they are).</summary>
    /// <param name="items">The items: texts or data.</param>
    /// <returns>The list.</returns>
    public static MessageText List(IEnumerable<object?> items) => new(string.Empty, [], [.. items.Select(Neutral)]);

    /// <summary>The suggestion " Did you mean 'x'?" for a name that is close to a known one; null (nothing) when there is none.</summary>
    /// <param name="candidate">The known name, if any.</param>
    /// <returns>The suggestion, or null.</returns>
    public static MessageText? DidYouMean(string? candidate) => candidate is null ? null : Of("word.didYouMean", ("candidate", candidate));

    /// <summary>One of PerfEval's words by its name (<c>"number or string"</c>, <c>"source"</c>…).</summary>
    /// <param name="name">The old name.</param>
    /// <returns>The word.</returns>
    /// <exception cref="ArgumentException">No word has that name.</exception>
    public static MessageText Word(string name) =>
        WordKeys.TryGetValue(name, out var key) ? Of(key) : throw new ArgumentException($"No message word is called '{name}'.", nameof(name));

    /// <summary>Whether <see cref="Word"/> knows <paramref name="name"/>.</summary>
    /// <param name="name">The old name.</param>
    /// <returns>True when it names a word.</returns>
    public static bool IsWord(string name) => WordKeys.ContainsKey(name);

    /// <summary>A value as a message argument: a text stays a text; anything else becomes its invariant-culture string.</summary>
    /// <param name="value">The value.</param>
    /// <returns>A <see cref="MessageText"/> or a <see cref="string"/>.</returns>
    public static object Neutral(object? value) => value switch
    {
        null => string.Empty,
        MessageText t => t,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <inheritdoc />
    public override string ToString() => MessageCatalog.Default.Text(this, CultureInfo.InvariantCulture);
}
