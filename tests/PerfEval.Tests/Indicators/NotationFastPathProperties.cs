using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PerfEval.Indicators;

namespace PerfEval.Tests.Indicators;

/// <summary>
/// The notation readers take short cuts for the common cases (text already normalized, a plain number, a whole
/// number to print); these properties check, on text drawn from the characters the notations use, that the short cuts
/// give what the general reading gives: the reference here is the general code as it was before them.
/// </summary>
public sealed partial class NotationFastPathProperties
{
    private static readonly char[] Alphabet =
    [
        '0', '1', '2', '5', '9', '０', '９', '.', '．', ',', '+', '-', '＋', '－', '%', '％', '≥', '≤', '≧', '⩽', '＞', '＜', '﹦', '═', '＝',
        '>', '<', '=', ' ', ' ', '\u3000', '\t', '$', '\\', 'g', 'e', 'q', 'l', '元', '人', '月', '底', '前', '以', '上', '内', 'a',
    ];

    private static Arbitrary<string> Texts() =>
        Gen.Choose(0, 14).SelectMany(n => Gen.ArrayOf(Gen.Elements(Alphabet), n)).Select(cs => new string(cs)).ToArbitrary();

    [Property(MaxTest = 3000)]
    public Property Normalizing_gives_what_the_general_folding_gives() =>
        Prop.ForAll(Texts(), text => Notation.Normalize(text).Should().Be(ReferenceNormalize(text), $"“{text}”"));

    [Property(MaxTest = 3000)]
    public Property A_quantity_reads_as_the_pattern_reads_it() =>
        Prop.ForAll(Texts(), text =>
        {
            var normalized = Notation.Normalize(text);
            var read = Notation.TryReadQuantity(normalized, out var value, out var percent, out var unit);
            var expected = ReferenceQuantity(normalized, out var v, out var p, out var u);

            read.Should().Be(expected, $"“{normalized}”");
            (value, percent, unit).Should().Be((v, p, u), $"“{normalized}”");
        });

    [Theory]
    [InlineData("2300", 2300, false)]
    [InlineData("+95%", 95, true)]
    [InlineData("-0.5", -0.5, false)]
    [InlineData("100.25%", 100.25, true)]
    public void A_plain_number_is_read_with_no_unit(string text, double expected, bool percent)
    {
        Notation.TryReadQuantity(text, out var value, out var isPercent, out var unit).Should().BeTrue();

        value.Should().Be((decimal)expected);
        isPercent.Should().Be(percent);
        unit.Should().BeNull();
    }

    [Property(MaxTest = 2000)]
    public Property A_number_is_printed_as_the_custom_format_prints_it() =>
        Prop.ForAll(
            Gen.Choose(-3, 3).SelectMany(scale => Gen.Choose(-2_000_000, 2_000_000).Select(n => n * (decimal)Math.Pow(10, scale))).ToArbitrary(),
            value => Notation.Number(value).Should().Be(value.ToString("0.############################", CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("0")]
    [InlineData("-0.00")]
    [InlineData("999999999999999")]
    [InlineData("-999999999999999")]
    [InlineData("1000000000000000")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("2300.000")]
    public void Edge_numbers_are_printed_as_the_custom_format_prints_them(string text)
    {
        var value = decimal.Parse(text, CultureInfo.InvariantCulture);

        Notation.Number(value).Should().Be(value.ToString("0.############################", CultureInfo.InvariantCulture));
    }

    /// <summary>Normalize as it was written before its one-pass form.</summary>
    private static string ReferenceNormalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.Trim())
        {
            var c = ch;
            if (c is >= '０' and <= '９')
            {
                c = (char)('0' + (c - '０'));
            }

            switch (c)
            {
                case '％': sb.Append('%'); break;
                case '．': sb.Append('.'); break;
                case '＋': sb.Append('+'); break;
                case '－': sb.Append('-'); break;
                case '＞': case '﹥': sb.Append('>'); break;
                case '＜': case '﹤': sb.Append('<'); break;
                case '＝': case '﹦': case '═': sb.Append('='); break;
                case '≥': case '≧': case '⩾': sb.Append(">="); break;
                case '≤': case '≦': case '⩽': sb.Append("<="); break;
                case '$': break;
                case '\u3000': sb.Append(' '); break;
                default: sb.Append(c); break;
            }
        }

        var collapsed = new StringBuilder();
        var space = false;
        foreach (var c in sb.ToString())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && collapsed.Length > 0)
            {
                collapsed.Append(' ');
            }

            space = false;
            collapsed.Append(c);
        }

        return collapsed.ToString()
            .Replace("\\geq", ">=", StringComparison.Ordinal)
            .Replace("\\leq", "<=", StringComparison.Ordinal)
            .Replace("\\ge", ">=", StringComparison.Ordinal)
            .Replace("\\le", "<=", StringComparison.Ordinal)
            .Replace("\\%", "%", StringComparison.Ordinal)
            .Replace("==", "=", StringComparison.Ordinal)
            .Trim();
    }

    /// <summary>TryReadQuantity as it was written before its plain-number short cut: the pattern only.</summary>
    private static bool ReferenceQuantity(string normalized, out decimal value, out bool percent, out string? unit)
    {
        value = 0;
        percent = false;
        unit = null;
        if (normalized.Length == 0 || !(char.IsAsciiDigit(normalized[0]) || normalized[0] is '+' or '-'))
        {
            return false;
        }

        var m = Quantity().Match(normalized);
        var tail = m.Groups["unit"].Value.Trim();
        if (!m.Success || tail.Length > 8 || tail.Any(c => char.IsDigit(c) || c is '，' or ',' or '、' or '；' or ';' or '。' or '(' or '（' or '=' or '<' or '>'))
        {
            return false;
        }

        if (!decimal.TryParse(m.Groups["num"].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value))
        {
            value = 0;
            return false;
        }

        percent = m.Groups["pct"].Success;
        unit = tail.Length > 0 ? tail : null;
        return true;
    }

    [GeneratedRegex(@"^(?<num>[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[+-]?[0-9]+(?:\.[0-9]+)?)\s*(?<pct>%)?\s*(?<unit>[^0-9]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Quantity();
}
