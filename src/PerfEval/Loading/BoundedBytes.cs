using PerfEval.Diagnostics;

namespace PerfEval.Loading;

/// <summary>The bytes of a document read within the limit, or why there are none.</summary>
/// <param name="Bytes">The buffer; only the first <paramref name="Length"/> bytes are the document.</param>
/// <param name="Length">The document's length in bytes.</param>
/// <param name="Failure">Why nothing was read.</param>
/// <param name="Reason">The reason (a <see cref="MessageText"/>, or the system's own words), when <paramref name="Failure"/> is not <see cref="ReadFailure.None"/>.</param>
internal readonly record struct BoundedBytes(byte[] Bytes, int Length, ReadFailure Failure, object? Reason)
{
    public bool Succeeded => Failure == ReadFailure.None;

    public ReadOnlySpan<byte> Span => Bytes.AsSpan(0, Length);

    public ReadOnlyMemory<byte> Memory => Bytes.AsMemory(0, Length);

    public static BoundedBytes Failed(ReadFailure failure, object reason) => new([], 0, failure, reason);
}
