using System.Collections.Immutable;
using PerfEval.Diagnostics;

namespace PerfEval.Loading;

/// <summary>What reading a document produced: the value when it has no errors, and every diagnostic found.</summary>
/// <typeparam name="T">The type read.</typeparam>
public sealed class LoadResult<T>
    where T : class
{
    internal LoadResult(T? value, ImmutableArray<Diagnostic> diagnostics)
    {
        Value = diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? null : value;
        Diagnostics = diagnostics;
    }

    /// <summary>The value read; <see langword="null"/> whenever <see cref="Diagnostics"/> holds an error.</summary>
    public T? Value { get; }

    /// <summary>Every diagnostic found, errors and warnings, in document order.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>True when the document was read without errors.</summary>
    public bool Succeeded => Value is not null;

    /// <summary>The value, or a <see cref="PerfEvalException"/> carrying the errors.</summary>
    /// <returns>The value read.</returns>
    /// <exception cref="PerfEvalException">The document has errors.</exception>
    public T GetValueOrThrow() => Value ?? throw new PerfEvalException(Diagnostics);
}
