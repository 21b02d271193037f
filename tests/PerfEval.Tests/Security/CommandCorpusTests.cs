using System.Reflection;
using FluentAssertions;
using Xunit.Abstractions;

namespace PerfEval.Tests.Security;

/// <summary>
/// Runs the corpus entries of kind <c>cli</c> through the <c>perfeval</c> command as a child process: devices, FIFOs
/// and huge files in the places of documents, JSON Lines that never end, output targets that cannot be written,
/// Markdown and control characters in names. Each entry builds its own folder (links, FIFOs, sparse files, copies of
/// corpus documents), runs the command with a 512 MiB heap limit and a time limit, and checks the exit code, the codes
/// printed, what the output must and must not hold, and that no stack trace appears.
/// </summary>
/// <remarks>
/// The version of xUnit used here (2.9) has no dynamic skip (<c>Assert.Skip</c> needs v3), so an entry that needs a
/// platform feature (<c>/dev/zero</c>, <c>mkfifo</c>, <c>/dev/full</c>) is listed under a data attribute for that
/// feature, which marks its rows skipped, with the reason, when the feature is missing (as <c>BrowserFact</c> does).
/// </remarks>
public sealed class CommandCorpusTests(ITestOutputHelper output)
{
    [Theory]
    [CommandCorpusData("")]
    [CommandCorpusData("unix-devices")]
    [CommandCorpusData("fifo")]
    [CommandCorpusData("dev-full")]
    public void Command_entry_ends_with_its_exit_code_and_codes_and_no_stack_trace(string name)
    {
        var entry = CorpusEntry.All.Single(e => e.Name == name);
        var folder = Directory.CreateTempSubdirectory("perfeval-corpus-cli-");
        try
        {
            var built = CommandCorpus.Build(entry, folder.FullName);
            var run = CommandCorpus.Run(entry, folder.FullName);
            output.WriteLine(run.Describe());

            var problems = CommandCorpus.Check(entry, run, folder.FullName, built);

            problems.Should().BeEmpty($"{entry.Describe()} must keep every promise\n{run.Describe()}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Every_command_entry_is_run_under_one_of_the_data_attributes()
    {
        var listed = typeof(CommandCorpusTests).GetMethod(nameof(Command_entry_ends_with_its_exit_code_and_codes_and_no_stack_trace))!
            .GetCustomAttributes<CommandCorpusDataAttribute>().Select(a => a.Requires).ToList();

        listed.Should().BeEquivalentTo(CommandCorpus.Requirements.Keys);
        CorpusEntry.All.Where(e => e.Kind == "cli").Select(e => e.Requires).Distinct().Should().BeSubsetOf(listed);
    }
}
