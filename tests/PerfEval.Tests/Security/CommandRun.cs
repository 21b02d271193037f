namespace PerfEval.Tests.Security;

/// <summary>What a run of the command printed.</summary>
internal sealed record CommandRun(string Command, int ExitCode, string Output, string Error, TimeSpan Elapsed)
{
    public string Describe()
    {
        static string Tail(string text) => text.Length <= 4000 ? text : text[..2000] + "\n…\n" + text[^2000..];
        return $"{Command}\nexit code {ExitCode} after {Elapsed.TotalSeconds:0.0} s\n--- stdout ---\n{Tail(Output)}\n--- stderr ---\n{Tail(Error)}";
    }
}
