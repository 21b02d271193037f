using System.Globalization;
using FluentAssertions;
using PerfEval.Indicators;

namespace PerfEval.Tests.Languages;

/// <summary>
/// <see cref="Target.TryParse(string, Level2, CultureInfo, out Target?, out string?)"/> writes why a target cannot be
/// read in the culture the caller gives, whatever the thread's UI culture; the overload without one follows the UI culture.
/// </summary>
public sealed class TargetErrorCultureTests
{
    [Theory]
    [InlineData("en", "the target is empty")]
    [InlineData("en-GB", "the target is empty")]
    [InlineData("zh", "年度指标值为空")]
    [InlineData("zh-CN", "年度指标值为空")]
    [InlineData("zh-TW", "年度指标值为空")]
    public void The_error_is_written_in_the_culture_given_not_the_ui_culture(string culture, string expected)
    {
        var given = CultureInfo.GetCultureInfo(culture);
        var other = CultureInfo.GetCultureInfo(culture.StartsWith("zh", StringComparison.Ordinal) ? "en-US" : "zh-CN");

        var read = CultureTests.InCulture(other, () => (Target.TryParse("  ", Level2.Quantity, given, out var target, out var error), target, error));

        read.Should().Be((false, (Target?)null, expected));
    }

    [Theory]
    [InlineData("en-US", "the target is empty")]
    [InlineData("zh-CN", "年度指标值为空")]
    public void Without_a_culture_the_error_follows_the_ui_culture(string ui, string expected)
    {
        var error = CultureTests.InCulture(CultureInfo.GetCultureInfo(ui), () => Target.TryParse("", Level2.Quantity, out _, out var e) ? null : e);

        error.Should().Be(expected);
    }

    [Fact]
    public void A_target_that_can_be_read_has_no_error_in_any_culture()
    {
        Target.TryParse("≥95%", Level2.Quality, CultureInfo.GetCultureInfo("zh-CN"), out var target, out var error).Should().BeTrue();

        error.Should().BeNull();
        target!.Comparison.Should().Be(Comparison.AtLeast);
        target.Value.Should().Be(95m);
    }

    [Fact]
    public void A_null_culture_is_refused()
    {
        var parse = () => Target.TryParse("≥1", Level2.Quantity, null!, out _, out _);

        parse.Should().Throw<ArgumentNullException>().WithParameterName("culture");
    }
}
