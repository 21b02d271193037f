using System.Collections.Immutable;

namespace PerfEval.Diagnostics;

/// <summary>The file positions of a document's values, by JSON path, so that later checks can point into the file.</summary>
internal sealed class SourceMap
{
    public static readonly SourceMap Empty = new(ImmutableDictionary<string, SourceLocation>.Empty);

    private readonly ImmutableDictionary<string, SourceLocation> _locations;

    public SourceMap(ImmutableDictionary<string, SourceLocation> locations) => _locations = locations;

    public SourceLocation? this[string path] => _locations.TryGetValue(path, out var l) ? l : null;
}
