using FluentAssertions;
using Xunit;

namespace PerfEval.Cli.Tests;

public class ProgressTests
{
    [Theory]
    [InlineData("/data/2025/employment", "employment")]
    [InlineData("/data/2025/employment/", "employment")]
    [InlineData("/data/big.jsonl:3", "big.jsonl:3")]
    [InlineData("/data/big.jsonl:3 中央/自治区就业补助", "big.jsonl:3 中央/自治区就业补助")]
    [InlineData("就业补助资金", "就业补助资金")]
    public void Progress_names_the_programme_itself_not_the_folder_it_is_in(string item, string shown) =>
        Progress.Shown(item).Should().Be(shown);
}
