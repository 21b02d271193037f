using System.Globalization;
using System.Text;

namespace PerfEval.Diagnostics;

/// <summary>
/// The placeholder filler of messages and rule texts, and the test of a Chinese culture. The templates themselves are
/// in the resource files <c>Messages/messages.{language}.json</c>, served by <see cref="MessageCatalog"/>.
/// </summary>
internal static partial class Messages
{
    /// <summary>Whether <paramref name="culture"/> or one of its parents is Chinese (<c>zh</c>, <c>zh-Hans</c>, <c>zh-CN</c>, <c>zh-TW</c>…).</summary>
    public static bool IsChineseCulture(CultureInfo culture)
    {
        for (var c = culture; !c.Equals(CultureInfo.InvariantCulture); c = c.Parent)
        {
            if (c.Name.Equals("zh", StringComparison.OrdinalIgnoreCase) || c.TwoLetterISOLanguageName == "zh")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Fills <c>{name}</c> placeholders; an unknown name becomes an empty string.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> arguments) =>
        Fill(template, name => arguments.TryGetValue(name, out var value) ? value : null, string.Empty);

    /// <summary>Fills <c>{name}</c> placeholders from <paramref name="lookup"/>; a name it does not know becomes <paramref name="missing"/>.</summary>
    public static string Fill(string template, Func<string, string?> lookup, string missing)
    {
        var sb = new StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            var close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (open < 0 || close < 0)
            {
                sb.Append(template, i, template.Length - i);
                break;
            }

            sb.Append(template, i, open - i);
            sb.Append(lookup(template.Substring(open + 1, close - open - 1).Trim()) ?? missing);
            i = close + 1;
        }

        return sb.ToString();
    }
}
