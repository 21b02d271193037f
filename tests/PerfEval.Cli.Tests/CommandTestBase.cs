namespace PerfEval.Cli.Tests;

/// <summary>
/// What every test of the command needs: a temporary folder of its own (removed afterwards), the seed example, and
/// the command run in process with its standard output and error captured.
/// </summary>
public abstract class CommandTestBase : IDisposable
{
    /// <summary>Makes the temporary folder.</summary>
    /// <param name="prefix">The start of the folder's name, to tell the test classes' folders apart.</param>
    protected CommandTestBase(string prefix) => Temp = Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>The test's temporary folder.</summary>
    protected string Temp { get; }

    /// <summary>The seed example's folder.</summary>
    protected static string Example => Testing.Repository.SeedExample();

    /// <inheritdoc />
    public void Dispose()
    {
        Directory.Delete(Temp, recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs the command with <paramref name="args"/>.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code and what was written to standard output and standard error.</returns>
    protected static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CliApp.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
