using System.Globalization;
using PerfEval.Import;
using PerfEval.Review;

namespace PerfEval.Cli;

/// <summary>The review's reader of table files: the <c>PerfEval.Import</c> importer, its findings in the review's language.</summary>
internal sealed class TableImporter(CultureInfo culture) : ISubmissionImporter
{
    public bool CanImport(string path) => SubmissionImporter.TryGetFormat(path, out _);

    public ImportedSubmission Import(string path)
    {
        var result = SubmissionImporter.Import(path, new ImportOptions { Culture = culture });
        return new ImportedSubmission(result.HasErrors ? null : result.ToProgramme(), result.Diagnostics);
    }
}
