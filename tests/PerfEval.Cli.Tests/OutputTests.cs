using System.Text;
using FluentAssertions;

namespace PerfEval.Cli.Tests;

/// <summary>
/// What the command writes: a report file whole or not at all, PE5001 and exit code 3 when output cannot be written,
/// and control characters from the documents shown escaped. The same cases with devices and real processes are in the
/// bad-input corpus (tests/PerfEval.Tests/Security/CommandCorpusTests.cs).
/// </summary>
public sealed class OutputTests() : CommandTestBase("perfeval-cli-output-")
{
    [Theory]
    [InlineData("zh", "无法写入输出")]
    [InlineData("en", "cannot be written: the folder")]
    public void A_report_into_a_folder_that_does_not_exist_gives_PE5001_and_exit_code_3(string lang, string message)
    {
        var target = Path.Combine(Temp, "missing", "table.md");

        var (exit, output, error) = Run("report", Example, "-o", target, "--lang", lang);

        exit.Should().Be(CliApp.OutputError);
        output.Should().BeEmpty();
        error.Should().Contain("error PE5001").And.Contain(message).And.Contain(target);
        Directory.Exists(Path.Combine(Temp, "missing")).Should().BeFalse();
    }

    [Theory]
    [InlineData("md")]
    [InlineData("xlsx")]
    public void A_report_onto_a_folder_is_refused_and_the_folder_is_left_as_it_was(string format)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Temp, "out")).FullName;
        File.WriteAllText(Path.Combine(folder, "keep.txt"), "keep");

        var (exit, _, error) = Run("report", Example, "-f", format, "-o", folder, "--lang", "en");

        exit.Should().Be(CliApp.OutputError);
        error.Should().Contain("PE5001").And.Contain("folder").And.NotContain("   at ");
        Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Should().Equal("keep.txt");
        Directory.EnumerateFileSystemEntries(Temp).Select(Path.GetFileName).Should().Equal("out");
    }

    [Fact]
    public void A_report_replaces_an_existing_file_whole_and_leaves_no_temporary_file()
    {
        var target = Path.Combine(Temp, "table.md");
        File.WriteAllText(target, new string('x', 100_000));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var (exit, _, error) = Run("report", Example, "-o", target);

        exit.Should().Be(0, error);
        File.ReadAllText(target).Should().StartWith("# 项目支出绩效自评表").And.NotContain("xxx");
        Directory.EnumerateFileSystemEntries(Temp).Select(Path.GetFileName).Should().Equal("table.md");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(target).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite, "the replaced file keeps its permissions");
        }
    }

    [Fact]
    public void A_report_through_a_link_replaces_the_file_it_points_to_and_keeps_the_link()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Creating links needs a privilege on Windows; the behaviour is the same.
        }

        var real = Path.Combine(Temp, "real.csv");
        File.WriteAllText(real, "old");
        var link = Path.Combine(Temp, "link.csv");
        File.CreateSymbolicLink(link, real);

        var (exit, _, error) = Run("report", Example, "-f", "csv", "-o", link);

        exit.Should().Be(0, error);
        new FileInfo(link).LinkTarget.Should().Be(real);
        File.ReadAllText(real).Should().Contain("95.23");
        Directory.EnumerateFileSystemEntries(Temp).Select(Path.GetFileName).Order(StringComparer.Ordinal).Should().Equal("link.csv", "real.csv");
    }

    [NotRootOnUnixFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_report_onto_a_file_the_user_may_not_write_is_refused_and_the_file_is_left_as_it_was()
    {
        var target = Path.Combine(Temp, "locked.md");
        File.WriteAllText(target, "old");
        File.SetUnixFileMode(target, UnixFileMode.UserRead);

        var (exit, _, error) = Run("report", Example, "-o", target, "--lang", "en");

        exit.Should().Be(CliApp.OutputError);
        error.Should().Contain("PE5001");
        File.ReadAllText(target).Should().Be("old");
        Directory.EnumerateFileSystemEntries(Temp).Select(Path.GetFileName).Should().Equal("locked.md");
    }

    [Theory]
    [InlineData("evaluate")]
    [InlineData("report")]
    [InlineData("audit")]
    public void Standard_output_that_cannot_be_written_gives_PE5001_and_exit_code_3_without_a_stack_trace(string command)
    {
        using var error = new StringWriter();
        var exit = CliApp.Run([command, Example, "--lang", "en"], new FullDiskWriter(), error);

        exit.Should().Be(CliApp.OutputError);
        error.ToString().Should().Contain("error PE5001").And.Contain("standard output").And.Contain("No space left on device").And.NotContain("   at ");
    }

    [Fact]
    public void A_property_name_holding_escape_is_quoted_with_the_escape_shown_and_never_printed_raw()
    {
        var dir = Directory.CreateDirectory(Path.Combine(Temp, "esc")).FullName;
        var set = File.ReadAllText(Path.Combine(Example, "indicators.json"));
        File.WriteAllText(Path.Combine(dir, "indicators.json"), set.Replace("\"target\": \"113\"", "\"target\": \"113\", \"\\u001b[2J\": 1", StringComparison.Ordinal));
        File.Copy(Path.Combine(Example, "actuals.json"), Path.Combine(dir, "actuals.json"));

        var (exit, output, error) = Run("evaluate", dir);

        exit.Should().Be(1);
        error.Should().Contain("PE1002").And.Contain("\\u001b[2J").And.NotContain("\u001b");
        output.Should().NotContain("\u001b");
    }

    [Theory]
    [InlineData("plain 中文", "plain 中文")]
    [InlineData("a\u001b[2Jb", "a\\u001b[2Jb")]
    [InlineData("line\r\nnext\ttab\n", "line\r\nnext\ttab\n")]
    [InlineData("over\rwrite", "over\\u000dwrite")]
    [InlineData("end\r", "end\\u000d")]
    [InlineData("bell\u0007 del\u007f csi\u009b nul\0", "bell\\u0007 del\\u007f csi\\u009b nul\\u0000")]
    [InlineData("名\u202etxt.exe \u2066x\u2069", "名\\u202etxt.exe \\u2066x\\u2069")]
    public void Control_characters_are_shown_escaped_and_line_breaks_and_tabs_kept(string text, string shown)
    {
        TerminalWriter.Escape(text).Should().Be(shown);

        using var inner = new StringWriter();
        new TerminalWriter(inner, "standard output").Write(text);
        inner.ToString().Should().Be(shown);
    }

    /// <summary>A writer on a full disk.</summary>
    private sealed class FullDiskWriter : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new IOException("No space left on device");

        public override void Write(string? value) => throw new IOException("No space left on device");
    }
}

/// <summary>
/// A fact about file permissions on Linux or macOS: skipped, with the reason, on Windows and for root, who may write
/// any file (xUnit 2.9 has no dynamic skip, so this is decided when the tests are discovered).
/// </summary>
public sealed class NotRootOnUnixFactAttribute : FactAttribute
{
    public NotRootOnUnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix file permissions are needed.";
        }
        else if (Environment.UserName == "root")
        {
            Skip = "Running as root, who may write any file: a permission refusal cannot happen.";
        }
    }
}
