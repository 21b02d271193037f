using System.Text.RegularExpressions;

namespace PerfEval.Tests.Languages;

/// <summary>
/// Finds text of the other language in a message: ASCII words in a Chinese text, Chinese characters and punctuation in
/// an English one. What may appear anyway is listed here, explicitly: codes, identifiers and units in Chinese texts;
/// notations a preparer writes in Chinese, quoted, in English ones.
/// </summary>
internal static partial class LanguageCheck
{
    /// <summary>The ASCII words a Chinese text may hold: codes, format names, units, identifiers of the expression language, symbols.</summary>
    private static readonly HashSet<string> AsciiInChinese = new(StringComparer.Ordinal)
    {
        "JSON",            // the file format (PE1001)
        "UTF-8",           // the encoding
        "MiB",             // the unit of the size limit
        "null",            // the JSON literal (word.null) …
        "true", "false",   // … and the other two bare words of JSON, named in json.notQuoted
        "iif",             // the expression language's function …
        "Math", "Math.Min", "Math.Max", "Math.Abs", "Math.Floor", "Math.Ceiling", "Min", "Max", "Abs", "Floor", "Ceiling", // … and its Math functions
        "ZL001",           // the example of a rule's own code
        "output",          // the command's option --output, named in reason.outputIsSpecial
        "grade", "score",  // the actuals' properties to add, named in PE2025
        "comparison", "qualitative", // an indicator's property and value, named in target.severalStandards
        "A", "B", "X", "T", // the figures' symbols: available budget A, spending B, actual X, target T
    };

    /// <summary>The Chinese an English text may hold: notations a preparer writes in Chinese, quoted as written.</summary>
    private static readonly string[] ChineseInEnglish =
    [
        "'12月底前'", // deadlines as the national forms write them (actual.deadlineExpected, reason.deadlineExpected)
        "'12月31日前'",
        "'完成'",     // done …
        "'未完成'",   // … and not done, as an actual of a deadline indicator
        "'＝0'",      // the full-width equals sign of the forms' notation (PE1010)
    ];

    /// <summary>The ASCII words of <paramref name="chinese"/> that are not codes (PE1234), placeholders or whitelisted.</summary>
    public static IReadOnlyList<string> EnglishIn(string chinese) =>
        [.. AsciiWord().Matches(Placeholder().Replace(chinese, " ")).Select(m => m.Value.TrimEnd('.', '-'))
            .Where(w => !Code().IsMatch(w) && !AsciiInChinese.Contains(w))];

    /// <summary>The Chinese characters and punctuation of <paramref name="english"/> outside the whitelisted notations.</summary>
    public static IReadOnlyList<string> ChineseIn(string english)
    {
        var rest = ChineseInEnglish.Aggregate(english, (text, allowed) => text.Replace(allowed, " ", StringComparison.Ordinal));
        return [.. Chinese().Matches(rest).Select(m => m.Value)];
    }

    /// <summary>Removes every occurrence of the given data values (names, ids, quoted input) from a message.</summary>
    public static string WithoutData(string message, IEnumerable<string> data) =>
        data.Where(d => d.Length > 0).OrderByDescending(d => d.Length).Aggregate(message, (text, d) => text.Replace(d, " ", StringComparison.Ordinal));

    [GeneratedRegex(@"\{[A-Za-z0-9]+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9_.\-]*")]
    private static partial Regex AsciiWord();

    [GeneratedRegex(@"^PE\d{4}$")]
    private static partial Regex Code();

    /// <summary>CJK ideographs, CJK punctuation, full-width forms and the curly quotes Chinese text uses.</summary>
    [GeneratedRegex(@"[\u3000-\u303F\u3400-\u4DBF\u4E00-\u9FFF\uFF00-\uFFEF\u201C\u201D]+")]
    private static partial Regex Chinese();
}
