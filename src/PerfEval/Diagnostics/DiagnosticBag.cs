using System.Collections.Immutable;
using System.Globalization;

namespace PerfEval.Diagnostics;

/// <summary>
/// Collects diagnostics while a document is read or an evaluation runs, and writes their messages with one catalogue
/// in one culture: the culture given, else the UI culture current when the bag is made.
/// </summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public DiagnosticBag(MessageCatalog? catalog = null, CultureInfo? culture = null)
    {
        Catalog = catalog ?? MessageCatalog.Default;
        Culture = culture ?? CultureInfo.CurrentUICulture;
    }

    public MessageCatalog Catalog { get; }

    /// <summary>The culture the messages are written in.</summary>
    public CultureInfo Culture { get; }

    public bool HasErrors => ErrorCount > 0;

    public int ErrorCount { get; private set; }

    public int Count => _items.Count;

    /// <summary>Adds a diagnostic as it is (its message is not written again).</summary>
    public void Add(Diagnostic diagnostic)
    {
        _items.Add(diagnostic);
        if (diagnostic.Severity == DiagnosticSeverity.Error)
        {
            ErrorCount++;
        }
    }

    /// <summary>
    /// Adds a diagnostic whose message is the template of <paramref name="code"/>. An argument that is a
    /// <see cref="MessageText"/> (a reason, a word) is kept as such and written in the bag's culture; other values are
    /// written in invariant culture.
    /// </summary>
    public void Add(string code, DiagnosticSeverity severity, string path, SourceLocation? location, params (string Name, object? Value)[] arguments) =>
        Add(code, code, severity, path, location, arguments);

    /// <summary>Adds a diagnostic under <paramref name="code"/> whose message is the template of <paramref name="templateKey"/> (a rule's own code with PE3002's wording).</summary>
    public void Add(string code, string templateKey, DiagnosticSeverity severity, string path, SourceLocation? location, params (string Name, object? Value)[] arguments)
    {
        var args = ImmutableDictionary.CreateBuilder<string, string>();
        ImmutableDictionary<string, MessageText>.Builder? texts = null;
        foreach (var (name, value) in arguments)
        {
            if (MessageText.Neutral(value) is MessageText text)
            {
                (texts ??= ImmutableDictionary.CreateBuilder<string, MessageText>())[name] = text;
                args[name] = Catalog.Text(text, CultureInfo.InvariantCulture);
            }
            else
            {
                var plain = (string)MessageText.Neutral(value);
                args[name] = Echoed.Contains(name) ? Shorten(plain) : plain;
            }
        }

        var built = args.ToImmutable();
        var words = texts?.ToImmutable() ?? ImmutableDictionary<string, MessageText>.Empty;
        Add(new Diagnostic(code, severity, path, Catalog.Format(templateKey, built, words, Culture), location, built)
        {
            Texts = words,
            TemplateKey = templateKey == code ? null : templateKey,
        });
    }

    /// <summary>Adds a diagnostic whose message a rule author wrote; no catalogue translates it.</summary>
    public void AddAuthored(string code, DiagnosticSeverity severity, string path, SourceLocation? location, string message, ImmutableDictionary<string, string> arguments) =>
        Add(new Diagnostic(code, severity, path, message, location, arguments) { AuthorText = true });

    /// <summary>The arguments that quote the input back (the others are PerfEval's own words, such as the list of known names).</summary>
    private static readonly HashSet<string> Echoed = new(StringComparer.Ordinal) { "value", "expression", "actual", "target", "id", "name", "conclusion", "stated", "detail" };

    /// <summary>The most characters of an input value a message quotes; longer values are cut and end in "…".</summary>
    public const int MaxQuoted = 120;

    /// <summary>Quotes no more of an input value than a reader needs to find it (a 50 000-character expression is not echoed whole).</summary>
    private static string Shorten(string text) => text.Length <= MaxQuoted ? text : string.Concat(text.AsSpan(0, MaxQuoted), "…");

    /// <summary>Adds diagnostics as they are.</summary>
    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            Add(d);
        }
    }

    /// <summary>Adds diagnostics made earlier (while reading, or when a plan was prepared), their messages written again with this bag's catalogue in its culture.</summary>
    public void AddRendered(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            Add(d.RenderedWith(Catalog, Culture));
        }
    }

    public ImmutableArray<Diagnostic> ToImmutable() => [.. _items];
}
