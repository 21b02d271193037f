using System.Globalization;
using FluentAssertions;
using PerfEval.Reporting;

namespace PerfEval.Tests.Reporting;

public sealed class ResultJsonNumberTests
{
    [Theory]
    [InlineData("10.00", "10")]
    [InlineData("1.50", "1.5")]
    [InlineData("-0.430", "-0.43")]
    [InlineData("99.57", "99.57")]
    [InlineData("0.00", "0")]
    [InlineData("100", "100")]
    [InlineData("0.0000000000000000000000000100", "0.00000000000000000000000001")]
    public void Figures_lose_their_trailing_zeros_and_nothing_else(string written, string expected)
    {
        var value = decimal.Parse(written, CultureInfo.InvariantCulture);

        var normalized = ResultJson.WithoutTrailingZeros(value);

        normalized.ToString(CultureInfo.InvariantCulture).Should().Be(expected);
        normalized.Should().Be(value);
    }

    [Fact]
    public void Trailing_zeros_go_exactly_as_dividing_by_one_with_28_decimals_takes_them_away()
    {
        var random = new Random(20250101);
        var values = new List<decimal> { decimal.MaxValue, decimal.MinValue, new(0, 0, 0, isNegative: true, scale: 2), 1e-28m };
        for (var i = 0; i < 100_000; i++)
        {
            var value = new decimal(random.Next(), random.Next(4) == 0 ? random.Next() : 0, random.Next(8) == 0 ? random.Next() : 0, random.Next(2) == 0, (byte)random.Next(29));
            values.Add(random.Next(3) == 0 && value.Scale < 20 && Math.Abs(value) < 1e20m ? Math.Round(value, random.Next(5)) * 1.000m : value);
        }

        foreach (var value in values)
        {
            var expected = value / 1.0000000000000000000000000000m;
            var actual = ResultJson.WithoutTrailingZeros(value);
            actual.Scale.Should().Be(expected.Scale, $"{value}");
            actual.ToString(CultureInfo.InvariantCulture).Should().Be(expected.ToString(CultureInfo.InvariantCulture));
        }
    }
}
