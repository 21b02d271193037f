namespace PerfEval.Diagnostics;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Worth knowing; the figures are unaffected.</summary>
    Info,

    /// <summary>The figures were computed, but something in the input deserves a look.</summary>
    Warning,

    /// <summary>The input is wrong: the affected figures cannot be trusted or were not computed.</summary>
    Error,
}
