using System.Collections.Immutable;
using System.Globalization;
using PerfEval.Diagnostics;

namespace PerfEval.Import;

/// <summary>The findings of one import, each with the cell (or the file) it came from, in the importer's language.</summary>
internal sealed class ImportFindings(string? source, CultureInfo culture)
{
    private readonly List<Diagnostic> items = [];

    /// <summary>The file's name, as locations name it.</summary>
    public string? Source { get; } = source;

    /// <summary>The findings so far.</summary>
    public IReadOnlyList<Diagnostic> Items => items;

    /// <summary>True when an error was found.</summary>
    public bool HasErrors => items.Exists(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>A finding about a cell.</summary>
    /// <param name="code">The code.</param>
    /// <param name="cell">The cell.</param>
    /// <param name="arguments">The message's arguments.</param>
    public void Add(string code, GridCell cell, params (string Name, string Value)[] arguments) =>
        Add(code, cell.Reference, new SourceLocation(Source, cell.Position.Line, cell.Position.Column), arguments);

    /// <summary>A finding about the whole file.</summary>
    /// <param name="code">The code.</param>
    /// <param name="arguments">The message's arguments.</param>
    public void AddForFile(string code, params (string Name, string Value)[] arguments) => Add(code, "$", null, arguments);

    private void Add(string code, string path, SourceLocation? location, (string Name, string Value)[] arguments)
    {
        var args = arguments.ToImmutableDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal);
        var severity = DiagnosticDescriptor.Find(code)?.DefaultSeverity ?? DiagnosticSeverity.Error;
        items.Add(new Diagnostic(code, severity, path, MessageCatalog.Default.Format(code, args, culture), location, args));
    }
}
