using System.Runtime.InteropServices;
using System.Text;
using PerfEval.Diagnostics;

namespace PerfEval.Loading;

/// <summary>
/// Bounded reading of every document PerfEval takes in. A path is looked at before it is opened: only regular files
/// are opened (devices, FIFOs and sockets are refused, so that <c>/dev/zero</c> cannot fill the memory and a FIFO
/// cannot block the reader forever), a file whose length is known to be above the limit is refused without
/// reading it, and every read, from a file or a stream, stops as soon as the limit is passed (a file's stated
/// length is not trusted: files in <c>/proc</c> say 0 and have content).
/// </summary>
internal static class InputFiles
{
    private const int Chunk = 81920;

    /// <summary>The document without its UTF-8 byte-order mark, if it starts with one (every reader skips it).</summary>
    public static ReadOnlyMemory<byte> WithoutByteOrderMark(ReadOnlyMemory<byte> utf8) =>
        utf8.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? utf8[3..] : utf8;

    /// <summary>What <paramref name="path"/> names, following symbolic links, without opening it.</summary>
    public static InputFileKind KindOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (OperatingSystem.IsWindows())
        {
            return WindowsKind(path);
        }

        if (UnixMode(path) is { } mode)
        {
            return (mode & 0xF000) switch
            {
                0x8000 => InputFileKind.Regular,
                0x4000 => InputFileKind.Directory,
                0x2000 => InputFileKind.CharacterDevice,
                0x6000 => InputFileKind.BlockDevice,
                0x1000 => InputFileKind.Fifo,
                0xC000 => InputFileKind.Socket,
                _ => InputFileKind.CharacterDevice,
            };
        }

        // stat failed (no such file, no permission to look, a dangling link) or is not available: ask .NET.
        return System.IO.Directory.Exists(path) ? InputFileKind.Directory : File.Exists(path) ? InputFileKind.Regular : InputFileKind.Missing;
    }

    /// <summary>Whether the kind is a device, a FIFO or a socket.</summary>
    public static bool IsSpecial(InputFileKind kind) => kind is InputFileKind.CharacterDevice or InputFileKind.BlockDevice or InputFileKind.Fifo or InputFileKind.Socket;

    /// <summary>Reads a whole file of at most <paramref name="limit"/> bytes; anything else is refused with its reason.</summary>
    public static BoundedBytes ReadFile(string path, int limit)
    {
        var kind = KindOf(path);
        switch (kind)
        {
            case InputFileKind.Missing:
                return BoundedBytes.Failed(ReadFailure.Missing, MessageText.Of("reason.fileMissing"));
            case InputFileKind.Directory:
                return BoundedBytes.Failed(ReadFailure.Directory, MessageText.Of("reason.isFolder"));
            case InputFileKind.Regular:
                break;
            default:
                return BoundedBytes.Failed(ReadFailure.Special, SpecialReason(kind));
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            if (stream.CanSeek && stream.Length > limit)
            {
                return TooLarge(limit);
            }

            return ReadStream(stream, limit, stream.CanSeek ? stream.Length : null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException or ArgumentException or NotSupportedException)
        {
            return BoundedBytes.Failed(ReadFailure.Io, e.Message);
        }
    }

    /// <summary>Reads a stream to its end, stopping as soon as more than <paramref name="limit"/> bytes have come.</summary>
    /// <param name="stream">The stream; read from its position, not closed.</param>
    /// <param name="limit">The most bytes accepted.</param>
    /// <param name="expected">The length the stream says it has, to size the buffer (never trusted as a bound).</param>
    public static BoundedBytes ReadStream(Stream stream, int limit, long? expected = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            var buffer = FirstBuffer(limit, expected);
            var length = 0;
            while (MakeRoom(ref buffer, length, limit))
            {
                var n = stream.Read(buffer, length, buffer.Length - length);
                if (n <= 0)
                {
                    return new BoundedBytes(buffer, length, ReadFailure.None, null);
                }

                length += n;
            }

            return TooLarge(limit);
        }
        catch (Exception e) when (e is IOException or NotSupportedException or ObjectDisposedException)
        {
            return BoundedBytes.Failed(ReadFailure.Io, e.Message);
        }
    }

    /// <summary>
    /// Reads a stream to its end without blocking a thread, as <see cref="ReadStream"/> does; <paramref name="cancellationToken"/>
    /// is passed to every read, so a cancelled read stops at once.
    /// </summary>
    /// <param name="stream">The stream; read from its position, not closed.</param>
    /// <param name="limit">The most bytes accepted.</param>
    /// <param name="cancellationToken">Stops the read with <see cref="OperationCanceledException"/>.</param>
    public static async ValueTask<BoundedBytes> ReadStreamAsync(Stream stream, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            var buffer = FirstBuffer(limit, stream.CanSeek ? stream.Length - stream.Position : null);
            var length = 0;
            while (MakeRoom(ref buffer, length, limit))
            {
                var n = await stream.ReadAsync(buffer.AsMemory(length, buffer.Length - length), cancellationToken).ConfigureAwait(false);
                if (n <= 0)
                {
                    return new BoundedBytes(buffer, length, ReadFailure.None, null);
                }

                length += n;
            }

            return TooLarge(limit);
        }
        catch (Exception e) when (e is IOException or NotSupportedException or ObjectDisposedException)
        {
            return BoundedBytes.Failed(ReadFailure.Io, e.Message);
        }
    }

    /// <summary>
    /// The first buffer of a read: the length the stream says it has, or a chunk, and one byte more than the limit at the
    /// most, so that a document of exactly the limit is read and a longer one is seen.
    /// </summary>
    private static byte[] FirstBuffer(int limit, long? expected) =>
        new byte[Math.Max((int)Math.Min(limit + 1L, expected is { } e and > 0 ? e + 1 : Chunk), 1)];

    /// <summary>Makes room for more bytes when the buffer is full; false once more than <paramref name="limit"/> bytes have come.</summary>
    private static bool MakeRoom(ref byte[] buffer, int length, int limit)
    {
        if (length < buffer.Length)
        {
            return true;
        }

        if (length > limit)
        {
            return false;
        }

        Array.Resize(ref buffer, (int)Math.Min(limit + 1L, Math.Max(buffer.Length * 2L, Chunk)));
        return true;
    }

    /// <summary>
    /// The UTF-8 bytes of a string, refused without encoding it when they would be more than <paramref name="limit"/>
    /// (a string of n characters takes between n and 3n bytes).
    /// </summary>
    public static BoundedBytes FromString(string text, int limit)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TooLargeString(text, limit) is not null)
        {
            return TooLarge(limit);
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        return new BoundedBytes(bytes, bytes.Length, ReadFailure.None, null);
    }

    /// <summary>Why a string is refused (its UTF-8 length is past <paramref name="limit"/>), or null when it is within it.</summary>
    public static MessageText? TooLargeString(string text, int limit) =>
        text.Length > limit || (text.Length > limit / 3 && Encoding.UTF8.GetByteCount(text) > limit) ? TooLargeReason(limit) : null;

    /// <summary>"the document is larger than 16 MiB", in the language the message is rendered in.</summary>
    public static MessageText TooLargeReason(int limit) => MessageText.Of("reason.documentTooLarge", ("size", Size(limit)));

    /// <summary>Why a special file is not read.</summary>
    public static MessageText SpecialReason(InputFileKind kind) => MessageText.Of(kind switch
    {
        InputFileKind.Fifo => "reason.isFifo",
        InputFileKind.Socket => "reason.isSocket",
        InputFileKind.BlockDevice => "reason.isBlockDevice",
        _ => "reason.isDevice",
    });

    private static BoundedBytes TooLarge(int limit) => BoundedBytes.Failed(ReadFailure.TooLarge, TooLargeReason(limit));

    private static string Size(int bytes) =>
        bytes % (1024 * 1024) == 0 ? $"{bytes / 1024 / 1024} MiB" : bytes % 1024 == 0 ? $"{bytes / 1024} KiB" : $"{bytes} B";

    /// <summary>
    /// Windows has no FIFOs or device files in its folders, but names in the device namespace (<c>\\.\…</c>: named
    /// pipes, <c>NUL</c>, <c>CON</c>, <c>COM1</c>…, which <see cref="Path.GetFullPath(string)"/> maps there) are devices.
    /// </summary>
    private static InputFileKind WindowsKind(string path)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
        {
            return InputFileKind.Missing;
        }

        if (full.StartsWith(@"\\.\", StringComparison.Ordinal)
            || (full.StartsWith(@"\\?\", StringComparison.Ordinal) && !(full.Length > 6 && full[5] == ':') && !full.StartsWith(@"\\?\UNC\", StringComparison.OrdinalIgnoreCase)))
        {
            return InputFileKind.CharacterDevice;
        }

        return System.IO.Directory.Exists(path) ? InputFileKind.Directory : File.Exists(path) ? InputFileKind.Regular : InputFileKind.Missing;
    }

    private static int _statUnavailable;

    /// <summary>
    /// The <c>st_mode</c> of <c>stat(path)</c>, through the .NET runtime's own native shim (<c>libSystem.Native</c>, which
    /// every .NET runtime on Linux and macOS ships and whose <c>FileStatus</c> starts with <c>int32 Flags, int32 Mode</c>,
    /// with the usual <c>S_IF*</c> values), so that no C-library structure layout is assumed. Null when stat fails or the
    /// shim cannot be reached (a runtime that no longer exports it): the caller then falls back to what .NET says.
    /// </summary>
    private static int? UnixMode(string path)
    {
        if (Volatile.Read(ref _statUnavailable) != 0)
        {
            return null;
        }

        var bytes = new byte[Encoding.UTF8.GetMaxByteCount(path.Length) + 1];
        bytes[Encoding.UTF8.GetBytes(path, 0, path.Length, bytes, 0)] = 0;

        // Far larger than FileStatus (about 130 bytes), in case it grows.
        var status = new byte[512];
        try
        {
            return SystemNativeStat(bytes, status) == 0 ? BitConverter.ToInt32(status, 4) : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            Volatile.Write(ref _statUnavailable, 1);
            return null;
        }
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SystemNativeStat(byte[] path, byte[] status);
}
