using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
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

    /// <summary>True when the document was read without errors; <see cref="Value"/> is then not null.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool Succeeded => Value is not null;

    /// <summary>
    /// The same result with the diagnostics' messages written again in <paramref name="culture"/>, with
    /// <paramref name="messages"/> or PerfEval's own templates. A reader writes its messages in the UI culture of the
    /// moment; this gives them the language the caller wants, as <c>PerfEvalOptions.Culture</c> does for an evaluation.
    /// </summary>
    /// <param name="culture">The culture to write in.</param>
    /// <param name="messages">The templates; <see cref="MessageCatalog.Default"/> when null.</param>
    /// <returns>A result with the same value and the diagnostics in <paramref name="culture"/>.</returns>
    public LoadResult<T> InCulture(CultureInfo culture, MessageCatalog? messages = null)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var catalog = messages ?? MessageCatalog.Default;
        return new LoadResult<T>(Value, [.. Diagnostics.Select(d => d.RenderedWith(catalog, culture))]);
    }

    /// <summary>The value, or a <see cref="PerfEvalException"/> carrying the errors.</summary>
    /// <returns>The value read.</returns>
    /// <exception cref="PerfEvalException">The document has errors.</exception>
    public T GetValueOrThrow() => Value ?? throw new PerfEvalException(Diagnostics);
}
