using PerfEval.Diagnostics;
using PerfEval.Loading;

namespace PerfEval.Cli;

/// <summary>
/// Writes the one file the command writes (<c>report --output</c>) so that it is either written whole or not at all:
/// the content goes to a new file beside the target, which replaces the target only once it is complete and flushed
/// to disk. A folder, a device, a FIFO or a socket in the target's place is refused before anything is written
/// (a file beside <c>/dev/full</c> would otherwise replace the device), and so is a folder that does not exist.
/// </summary>
internal static class OutputFile
{
    /// <summary>Writes the file; null when it was written, otherwise the reason it was not (nothing is left behind).</summary>
    public static object? TryWrite(string path, Action<Stream> write)
    {
        string target;
        try
        {
            // A link is kept: the file it points to is replaced.
            var info = new FileInfo(path);
            target = info.LinkTarget is null ? info.FullName : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            return e.Message;
        }

        var kind = InputFiles.KindOf(target);
        if (kind == InputFileKind.Directory)
        {
            return MessageText.Of("reason.outputIsFolder");
        }

        if (InputFiles.IsSpecial(kind))
        {
            return MessageText.Of("reason.outputIsSpecial");
        }

        var folder = Path.GetDirectoryName(target);
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
        {
            return MessageText.Of("reason.folderMissing", ("folder", folder));
        }

        var temp = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        var moved = false;
        try
        {
            if (kind == InputFileKind.Regular)
            {
                // Replacing a file needs only the folder's permission: a file the user may not write is refused, as
                // writing it in place would be. Opening it for writing changes nothing in it.
                using (new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
                {
                }
            }

            // Readable by its owner only while it is written (a replaced file may have been private); the target's
            // permissions are given to it once it is whole.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(temp, options))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                // The replaced file keeps its permissions; a new file gets those a new file would have had (0666 less the umask is not
                // known here, so the common 0644).
                File.SetUnixFileMode(temp, kind == InputFileKind.Regular
                    ? File.GetUnixFileMode(target)
                    : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            }

            File.Move(temp, target, overwrite: true);
            moved = true;
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            return e.Message;
        }
        finally
        {
            if (!moved)
            {
                TryDelete(temp);
            }
        }
    }

    /// <summary>PE5001 for a file (or standard output) that could not be written; the message names it.</summary>
    public static Diagnostic Unwritable(object output, object reason)
    {
        var bag = new DiagnosticBag();
        bag.Add(DiagnosticCodes.UnwritableOutput, DiagnosticSeverity.Error, "$", null, ("output", output), ("reason", reason));
        return bag.ToImmutable()[0];
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done; the temporary file's name starts with a dot and ends in .tmp.
        }
    }
}
