using FluentAssertions;

namespace PerfEval.Cli.Tests;

/// <summary>
/// The language of what the command reports about a file it cannot read: wholly the language of <c>--lang</c>, the
/// JSON reader's own English sentence included nowhere.
/// </summary>
public sealed class MessageLanguageTests() : CommandTestBase("perfeval-lang-")
{
    [Theory]
    [InlineData("zh", "indicators.json(1,1) $: error PE1001: 文件不是有效的 JSON：此处不应出现字符“]”")]
    [InlineData("en", "indicators.json(1,1) $: error PE1001: The file is not valid JSON: the character ']' is not expected here")]
    public void A_file_that_is_not_json_is_explained_in_the_language_asked_for(string language, string expected)
    {
        var dir = Directory.CreateDirectory(Path.Combine(Temp, "bad")).FullName;
        File.WriteAllText(Path.Combine(dir, "indicators.json"), "]");
        File.Copy(Path.Combine(Example, "actuals.json"), Path.Combine(dir, "actuals.json"));

        var (exit, _, error) = Run("evaluate", dir, "--lang", language);

        exit.Should().Be(1);
        error.Should().Contain(expected).And.NotContain("invalid start of a value");
    }
}
