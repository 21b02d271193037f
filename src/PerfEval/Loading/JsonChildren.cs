using System.Collections;

namespace PerfEval.Loading;

/// <summary>
/// The properties or items of one object or array of a <see cref="JsonTree"/>: a window on the storage its parse
/// shares, valid until the tree is released. <c>foreach</c> walks it without allocating.
/// </summary>
/// <typeparam name="T"><see cref="JsonProperty"/> or <see cref="JsonTree"/>.</typeparam>
internal readonly struct JsonChildren<T> : IEnumerable<T>
{
    private readonly T[]? _storage;
    private readonly int _start;

    public JsonChildren(T[] storage, int start, int length)
    {
        _storage = storage;
        _start = start;
        Length = length;
    }

    /// <summary>How many children there are.</summary>
    public int Length { get; }

    /// <summary>The children as a span.</summary>
    public ReadOnlySpan<T> Span => _storage is null ? default : new ReadOnlySpan<T>(_storage, _start, Length);

    public ReadOnlySpan<T>.Enumerator GetEnumerator() => Span.GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => (_storage is null ? new ArraySegment<T>([]) : new ArraySegment<T>(_storage, _start, Length)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<T>)this).GetEnumerator();
}
