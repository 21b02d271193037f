using FluentAssertions;

namespace PerfEval.Cli.Tests;

/// <summary>The command calls itself perfeval, the name it is installed under, not after its assembly.</summary>
public sealed class CommandNameTests() : CommandTestBase("perfeval-name-")
{
    [Fact]
    public void The_help_shows_perfeval_in_its_usage_line()
    {
        var (exit, output, error) = Run("--help");

        exit.Should().Be(0, error);
        output.Should().Contain("perfeval [command] [options]").And.NotContain("PerfEval.Cli");
    }

    [Fact]
    public void A_subcommands_help_and_a_usage_error_say_perfeval()
    {
        var (_, help, _) = Run("report", "--help");
        var (exit, _, error) = Run("--no-such-option");

        help.Should().Contain("perfeval report").And.NotContain("PerfEval.Cli");
        exit.Should().NotBe(0);
        error.Should().Contain("perfeval --help").And.NotContain("PerfEval.Cli");
    }

    [Fact]
    public void The_version_option_still_prints_the_version()
    {
        var (exit, output, _) = Run("--version");

        exit.Should().Be(0);
        output.Trim().Should().MatchRegex(@"^\d+\.\d+\.\d+");
    }
}
