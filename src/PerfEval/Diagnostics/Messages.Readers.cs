using System.Globalization;

namespace PerfEval.Diagnostics;

/// <summary>
/// What the JSON readers (IndicatorSetReader, ActualsReader, ObjectReader, RuleReader, ScoringPolicyReader, JsonTree)
/// still use to pick a language at the moment a diagnostic is made. A message built this way is in the UI culture of
/// that moment and does not follow <see cref="MessageCatalog.Render"/>. Each call is to become a
/// <see cref="MessageText"/> argument (<c>MessageText.Of("reason.notEmpty")</c>, <c>MessageText.Word(…)</c>,
/// <c>MessageText.DidYouMean(…)</c>); this file goes when the last one has.
/// </summary>
internal static partial class Messages
{
    /// <summary>True when the current UI culture is Chinese.</summary>
    public static bool IsChinese => IsChineseCulture(CultureInfo.CurrentUICulture);

    /// <summary>One of PerfEval's words, by its old name, in the current UI culture.</summary>
    /// <param name="key">The old name (<c>"number or string"</c>, <c>"source"</c>…).</param>
    /// <returns>The word; the name itself when there is no such word.</returns>
    public static string Word(string key) =>
        MessageText.IsWord(key) ? MessageCatalog.Default.Text(MessageText.Word(key), CultureInfo.CurrentUICulture) : key;

    /// <summary>The suggestion " Did you mean 'x'?" in the current UI culture; empty when there is no candidate.</summary>
    /// <param name="candidate">The known name, if any.</param>
    /// <returns>The suggestion.</returns>
    public static string DidYouMean(string? candidate) =>
        MessageText.DidYouMean(candidate) is { } text ? MessageCatalog.Default.Text(text, CultureInfo.CurrentUICulture) : string.Empty;
}
