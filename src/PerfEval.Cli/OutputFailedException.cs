namespace PerfEval.Cli;

/// <summary>Output that could not be written: where to, and the operating system's reason.</summary>
internal sealed class OutputFailedException(string target, string reason, Exception inner) : Exception(reason, inner)
{
    public string Target { get; } = target;

    public string Reason { get; } = reason;
}
