using System.Collections.Immutable;
using PerfEval.Diagnostics;

namespace PerfEval;

/// <summary>Thrown only by the <c>…OrThrow</c> conveniences: it carries the diagnostics that explain the failure.</summary>
public sealed class PerfEvalException : Exception
{
    /// <summary>Creates the exception from the diagnostics that explain it.</summary>
    /// <param name="diagnostics">The diagnostics; the errors among them are the reason.</param>
    public PerfEvalException(ImmutableArray<Diagnostic> diagnostics)
        : base(Describe(diagnostics)) => Diagnostics = diagnostics;

    /// <summary>The diagnostics that explain the failure.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    private static string Describe(ImmutableArray<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        return errors.Count == 0 ? "PerfEval input is invalid." : string.Join(Environment.NewLine, errors.Take(20).Select(e => e.ToString()));
    }
}
