namespace PerfEval.Packaging.Tests;

/// <summary>The outcome of a child process: its exit code and what it wrote.</summary>
internal sealed record ProcessResult(string Command, int ExitCode, string Output, string Error)
{
    /// <summary>The command, exit code and output, for assertion messages.</summary>
    public string Describe()
    {
        static string Tail(string text) => text.Length <= 6000 ? text : "…" + text[^6000..];
        return $"{Command}\nexit code {ExitCode}\n--- stdout ---\n{Tail(Output)}\n--- stderr ---\n{Tail(Error)}";
    }

    /// <summary>Throws, with the output, unless the process exited with 0.</summary>
    public ProcessResult EnsureSuccess() =>
        ExitCode == 0 ? this : throw new InvalidOperationException("A child process failed.\n" + Describe());
}
