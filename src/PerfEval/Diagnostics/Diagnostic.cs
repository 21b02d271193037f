using System.Collections.Immutable;

namespace PerfEval.Diagnostics;

/// <summary>
/// A finding about the input or the evaluation: a stable code (<c>PE1002</c>…), a severity, the JSON path
/// of the value it concerns, where that value is in its file, and a message. The message is written in the culture
/// of the reader or evaluator that made it (<c>PerfEvalOptions.Culture</c>, else the UI culture of the moment);
/// <see cref="MessageCatalog.Render"/> writes it again in any other.
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

    /// <summary>The message, in the culture it was made in (the evaluator's <c>PerfEvalOptions.Culture</c>, else the UI culture of the moment).</summary>
    public string Message { get; }

    /// <summary>Where the value is in its file; <see langword="null"/> for values built in code.</summary>
    public SourceLocation? Location { get; }

    /// <summary>
    /// The values the message cites, by placeholder name, in invariant culture: numbers as <c>1234.5</c>, quoted input as
    /// it was, and PerfEval's own words (a reason, a kind of figure) in English, whatever the language of the message.
    /// </summary>
    public ImmutableDictionary<string, string> Arguments { get; }

    /// <summary>
    /// The arguments in PerfEval's own words, kept as resource keys so that <see cref="MessageCatalog.Render"/> writes
    /// them in the language asked for; empty for a diagnostic made outside PerfEval.
    /// </summary>
    internal ImmutableDictionary<string, MessageText> Texts { get; init; } = ImmutableDictionary<string, MessageText>.Empty;

    /// <summary>The template the message was made from when it is not the code's own (PE3002's, for a rule code without a template of its own).</summary>
    internal string? TemplateKey { get; init; }

    /// <summary>True when the message is a rule author's own text, which no catalogue translates.</summary>
    internal bool AuthorText { get; init; }

    /// <summary>The same diagnostic with its message written again by <paramref name="catalog"/> in <paramref name="culture"/>.</summary>
    internal Diagnostic RenderedWith(MessageCatalog catalog, System.Globalization.CultureInfo culture)
    {
        var message = catalog.Render(this, culture);
        return message == Message ? this : new Diagnostic(Code, Severity, Path, message, Location, Arguments) { Texts = Texts, TemplateKey = TemplateKey, AuthorText = AuthorText };
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var where = Location is null ? Path : $"{Location} {Path}";
        return $"{where}: {Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
    }
}
