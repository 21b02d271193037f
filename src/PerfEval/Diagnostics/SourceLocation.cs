namespace PerfEval.Diagnostics;

/// <summary>A place in an input document: the file (when known), and the 1-based line and column.</summary>
/// <param name="Source">The file name or another name of the document; <see langword="null"/> for an unnamed string.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column, counted in characters.</param>
public sealed record SourceLocation(string? Source, int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => Source is null ? $"({Line},{Column})" : $"{Source}({Line},{Column})";
}
