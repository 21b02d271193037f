using System.Collections.Immutable;

namespace PerfEval.Diagnostics;

/// <summary>
/// A finding about the input or the evaluation: a stable code (<c>PE1002</c>…), a severity, the JSON path
/// of the value it concerns, where that value is in its file, and a message in the current UI culture.
/// </summary>
public sealed record Diagnostic
{
    /// <summary>Creates a diagnostic.</summary>
    /// <param name="code">The stable code, for example <c>PE1002</c>.</param>
    /// <param name="severity">How serious it is.</param>
    /// <param name="path">The JSON path of the value concerned, for example <c>$.indicators[3].target</c>.</param>
    /// <param name="message">The message, already in the reader's language.</param>
    /// <param name="location">Where the value is in its file, when known.</param>
    /// <param name="arguments">The values cited by the message, by name.</param>
    public Diagnostic(string code, DiagnosticSeverity severity, string path, string message, SourceLocation? location = null, ImmutableDictionary<string, string>? arguments = null)
    {
        Code = code;
        Severity = severity;
        Path = path;
        Message = message;
        Location = location;
        Arguments = arguments ?? ImmutableDictionary<string, string>.Empty;
    }

    /// <summary>The stable code, for example <c>PE1002</c>; see docs/diagnostics.md.</summary>
    public string Code { get; }

    /// <summary>How serious it is.</summary>
    public DiagnosticSeverity Severity { get; }

    /// <summary>The JSON path of the value concerned (<c>$</c> for the whole document).</summary>
    public string Path { get; }

    /// <summary>The message, in the UI culture that was current when the diagnostic was made.</summary>
    public string Message { get; }

    /// <summary>Where the value is in its file; <see langword="null"/> for values built in code.</summary>
    public SourceLocation? Location { get; }

    /// <summary>The values the message cites, by placeholder name.</summary>
    public ImmutableDictionary<string, string> Arguments { get; }

    /// <inheritdoc />
    public override string ToString()
    {
        var where = Location is null ? Path : $"{Location} {Path}";
        return $"{where}: {Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
    }
}
