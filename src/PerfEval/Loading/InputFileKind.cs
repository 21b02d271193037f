namespace PerfEval.Loading;

/// <summary>What a path names, as far as reading it is concerned.</summary>
internal enum InputFileKind
{
    /// <summary>Nothing (or nothing this process may look at).</summary>
    Missing,

    /// <summary>A regular file: the only kind that is opened.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A character device (<c>/dev/zero</c>, <c>/dev/urandom</c>, a terminal; <c>NUL</c>, <c>COM1</c> on Windows).</summary>
    CharacterDevice,

    /// <summary>A block device (a disk).</summary>
    BlockDevice,

    /// <summary>A FIFO (named pipe): opening one for reading waits for a writer, possibly forever.</summary>
    Fifo,

    /// <summary>A Unix domain socket.</summary>
    Socket,
}
