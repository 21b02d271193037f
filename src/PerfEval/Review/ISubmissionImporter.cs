namespace PerfEval.Review;

/// <summary>
/// Reads a submitted table file (an Excel workbook, a Word document, a saved web page, a PDF) into a programme. The
/// review uses it for every submission that is a file; a host supplies it (the <c>perfeval</c> command supplies the
/// importer of the <c>PerfEval.Import</c> package). Implementations are called from several threads at once.
/// </summary>
public interface ISubmissionImporter
{
    /// <summary>Whether this importer reads files like <paramref name="path"/> (by its extension, say).</summary>
    /// <param name="path">The file.</param>
    /// <returns>True when <see cref="Import"/> should be called for it.</returns>
    bool CanImport(string path);

    /// <summary>Reads the file: the programme (indicator set and actuals, the table's figures under <c>stated</c>) and the diagnostics.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The programme, or null with the diagnostics saying why it could not be read; an error among the diagnostics leaves the submission unreviewed.</returns>
    ImportedSubmission Import(string path);
}
