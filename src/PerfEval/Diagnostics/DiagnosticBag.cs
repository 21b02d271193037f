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
            args[name] = value switch
            {
                null => string.Empty,
                decimal d => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                _ => value.ToString() ?? string.Empty,
            };
        }

        var built = args.ToImmutable();
        Add(new Diagnostic(code, severity, path, _catalog.Format(code, built, System.Globalization.CultureInfo.CurrentUICulture), location, built));
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            Add(d);
        }
    }

    public ImmutableArray<Diagnostic> ToImmutable() => [.. _items];
}
