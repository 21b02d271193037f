using System.Collections.Immutable;

namespace PerfEval.Diagnostics;

/// <summary>Collects diagnostics while a document is read or an evaluation runs.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly MessageCatalog _catalog;

    public DiagnosticBag(MessageCatalog? catalog = null) => _catalog = catalog ?? MessageCatalog.Default;

    public MessageCatalog Catalog => _catalog;

    public bool HasErrors => ErrorCount > 0;

    public int ErrorCount { get; private set; }

    public int Count => _items.Count;

    public void Add(Diagnostic diagnostic)
    {
        _items.Add(diagnostic);
        if (diagnostic.Severity == DiagnosticSeverity.Error)
        {
            ErrorCount++;
        }
    }

    public void Add(string code, DiagnosticSeverity severity, string path, SourceLocation? location, params (string Name, object? Value)[] arguments)
    {
        var args = ImmutableDictionary.CreateBuilder<string, string>();
        foreach (var (name, value) in arguments)
        {
            var text = value switch
            {
                null => string.Empty,
                decimal d => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                _ => value.ToString() ?? string.Empty,
            };
            args[name] = Echoed.Contains(name) ? Shorten(text) : text;
        }

        var built = args.ToImmutable();
        Add(new Diagnostic(code, severity, path, _catalog.Format(code, built, System.Globalization.CultureInfo.CurrentUICulture), location, built));
    }

    /// <summary>The arguments that quote the input back (the others are PerfEval's own words, such as the list of known names).</summary>
    private static readonly HashSet<string> Echoed = new(StringComparer.Ordinal) { "value", "expression", "actual", "target", "id", "name", "conclusion", "stated", "detail" };

    /// <summary>The most characters of an input value a message quotes; longer values are cut and end in "…".</summary>
    public const int MaxQuoted = 120;

    /// <summary>Quotes no more of an input value than a reader needs to find it (a 50 000-character expression is not echoed whole).</summary>
    private static string Shorten(string text) => text.Length <= MaxQuoted ? text : string.Concat(text.AsSpan(0, MaxQuoted), "…");

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            Add(d);
        }
    }

    public ImmutableArray<Diagnostic> ToImmutable() => [.. _items];
}
