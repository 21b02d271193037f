using System.Collections.Immutable;
using System.Globalization;
using PerfEval.Diagnostics;

namespace PerfEval.Import;

/// <summary>
/// Reads a submitted self-evaluation table (项目支出绩效自评表, the national layout and its common variants) from
/// .xlsx, .xls, .docx, .html or .pdf into an indicator set and actuals that evaluate and audit like hand-written ones.
/// The table's own figures (执行率, 完成率, 得分, 总分, the grade, 实际完成情况) go under the actuals' stated figures.
/// Whatever cannot be placed or read is a finding with its cell; bad input never throws.
/// </summary>
public static class SubmissionImporter
{
    /// <summary>The largest file read (64 MiB); a larger one is refused with PE6001.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>The format of a file by its extension (.xlsx, .xls, .docx, .html, .htm, .pdf).</summary>
    /// <param name="path">The file's path or name.</param>
    /// <param name="format">The format.</param>
    /// <returns>True when the extension is one the importer reads.</returns>
    public static bool TryGetFormat(string path, out SubmissionFormat format)
    {
        ArgumentNullException.ThrowIfNull(path);
        SubmissionFormat? found = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".xlsx" or ".xlsm" => SubmissionFormat.Xlsx,
            ".xls" => SubmissionFormat.Xls,
            ".docx" => SubmissionFormat.Docx,
            ".html" or ".htm" or ".xhtml" => SubmissionFormat.Html,
            ".pdf" => SubmissionFormat.Pdf,
            _ => null,
        };
        format = found.GetValueOrDefault();
        return found is not null;
    }

    /// <summary>Imports a file with the default options; its format comes from its extension.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The set, the actuals and the findings; PE6001 when the file cannot be read.</returns>
    public static ImportResult Import(string path) => Import(path, null);

    /// <summary>Imports a file; its format comes from its extension.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">What the table does not say (id, year, policy) and the findings' language; the defaults when null.</param>
    /// <returns>The set, the actuals and the findings; PE6001 when the file cannot be read.</returns>
    public static ImportResult Import(string path, ImportOptions? options)
    {
        ArgumentNullException.ThrowIfNull(path);
        options = WithSource(options, path);
        if (!TryGetFormat(path, out var format))
        {
            return Unreadable(SubmissionFormat.Html, options, "the extension is not one of .xlsx, .xls, .docx, .html, .htm, .pdf", asFormat: Path.GetExtension(path));
        }

        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > MaxFileBytes)
            {
                return Unreadable(format, options, $"the file is larger than {MaxFileBytes / (1024 * 1024)} MiB");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return Unreadable(format, options, e.Message);
        }

        return Import(bytes, format, options);
    }

    /// <summary>Imports a table from a stream (read to its end; it is left open).</summary>
    /// <param name="stream">The file's content.</param>
    /// <param name="format">Its format.</param>
    /// <param name="options">What the table does not say and the findings' language; name the file in <see cref="ImportOptions.SourceName"/>.</param>
    /// <returns>The set, the actuals and the findings.</returns>
    public static ImportResult Import(Stream stream, SubmissionFormat format, ImportOptions? options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= new ImportOptions();
        byte[] bytes;
        try
        {
            bytes = ReadBounded(stream);
        }
        catch (IOException e)
        {
            return Unreadable(format, options, e.Message);
        }

        return Import(bytes, format, options);
    }

    /// <summary>Imports a file without blocking on its reading; its format comes from its extension.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">What the table does not say and the findings' language.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The set, the actuals and the findings.</returns>
    public static async Task<ImportResult> ImportAsync(string path, ImportOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!TryGetFormat(path, out var format) || !File.Exists(path))
        {
            return Import(path, options);
        }

        options = WithSource(options, path);
        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                return await ImportAsync(stream, format, options, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Unreadable(format, options, e.Message);
        }
    }

    /// <summary>Imports a table from a stream without blocking on its reading (read to its end; it is left open).</summary>
    /// <param name="stream">The file's content.</param>
    /// <param name="format">Its format.</param>
    /// <param name="options">What the table does not say and the findings' language.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The set, the actuals and the findings.</returns>
    public static async Task<ImportResult> ImportAsync(Stream stream, SubmissionFormat format, ImportOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= new ImportOptions();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
            {
                return Unreadable(format, options, $"the file is larger than {MaxFileBytes / (1024 * 1024)} MiB");
            }

            buffer.Write(chunk, 0, read);
        }

        return Import(buffer.ToArray(), format, options);
    }

    private static ImportResult Import(byte[] bytes, SubmissionFormat format, ImportOptions options)
    {
        var culture = options.Culture ?? CultureInfo.CurrentUICulture;
        var findings = new ImportFindings(options.SourceName, culture);
        IReadOnlyList<Grid> grids;
        try
        {
            grids = format switch
            {
                SubmissionFormat.Xlsx => XlsxGridReader.Read(new MemoryStream(bytes, writable: false)),
                SubmissionFormat.Xls => XlsGridReader.Read(new MemoryStream(bytes, writable: false)),
                SubmissionFormat.Docx => DocxGridReader.Read(new MemoryStream(bytes, writable: false)),
                SubmissionFormat.Html => [HtmlGridReader.Read(bytes)],
                _ => PdfGridReader.Read(bytes, findings),
            };
        }
        catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException))
        {
            // The readers' libraries throw their own exception types for damaged files; each is reported, none escapes.
            return Unreadable(format, options, e.Message);
        }

        if (findings.HasErrors)
        {
            return new ImportResult { Format = format, Diagnostics = [.. findings.Items] };
        }

        foreach (var grid in grids)
        {
            if (TableReader.IndicatorHeaderRow(grid) is { } header)
            {
                var (set, actuals) = TableReader.Read(grid, header, options, findings);
                return new ImportResult { Format = format, IndicatorSet = set, Actuals = actuals, Diagnostics = [.. findings.Items] };
            }
        }

        findings.AddForFile(DiagnosticCodes.ImportNoTable, ("file", options.SourceName ?? string.Empty));
        return new ImportResult { Format = format, Diagnostics = [.. findings.Items] };
    }

    private static ImportResult Unreadable(SubmissionFormat format, ImportOptions options, string reason, string? asFormat = null)
    {
        var findings = new ImportFindings(options.SourceName, options.Culture ?? CultureInfo.CurrentUICulture);
        findings.AddForFile(DiagnosticCodes.ImportUnreadable, ("file", options.SourceName ?? string.Empty), ("format", asFormat ?? FormatName(format)), ("reason", reason));
        return new ImportResult { Format = format, Diagnostics = ImmutableArray.CreateRange(findings.Items) };
    }

    private static string FormatName(SubmissionFormat format) => format switch
    {
        SubmissionFormat.Xlsx => ".xlsx",
        SubmissionFormat.Xls => ".xls",
        SubmissionFormat.Docx => ".docx",
        SubmissionFormat.Html => ".html",
        _ => ".pdf",
    };

    private static ImportOptions WithSource(ImportOptions? options, string path)
    {
        options ??= new ImportOptions();
        return options.SourceName is null ? options with { SourceName = Path.GetFileName(path) } : options;
    }

    private static byte[] ReadBounded(Stream stream)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
            {
                throw new IOException($"the file is larger than {MaxFileBytes / (1024 * 1024)} MiB");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
