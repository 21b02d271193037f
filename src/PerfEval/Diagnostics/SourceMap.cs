namespace PerfEval.Diagnostics;

/// <summary>
/// The file positions of a document's values, by JSON path, so that later checks can point into the file. Offsets are
/// kept (and gathered only when first asked for); lines and columns are worked out only when a finding asks for them.
/// </summary>
internal sealed class SourceMap
{
    public static readonly SourceMap Empty = new(new Dictionary<string, int>(), static _ => null);

    private readonly Lazy<Dictionary<string, int>> _offsets;
    private readonly Func<int, SourceLocation?> _locate;

    public SourceMap(Dictionary<string, int> offsets, Func<int, SourceLocation?> locate)
        : this(() => offsets, locate)
    {
    }

    public SourceMap(Func<Dictionary<string, int>> offsets, Func<int, SourceLocation?> locate)
    {
        _offsets = new Lazy<Dictionary<string, int>>(offsets, LazyThreadSafetyMode.ExecutionAndPublication);
        _locate = locate;
    }

    public SourceLocation? this[string path] => _offsets.Value.TryGetValue(path, out var offset) ? _locate(offset) : null;
}
