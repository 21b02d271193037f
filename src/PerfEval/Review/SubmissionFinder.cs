using System.Collections.Immutable;
using PerfEval.Loading;

namespace PerfEval.Review;

/// <summary>Finds the submissions in a folder, recursively.</summary>
public static class SubmissionFinder
{
    /// <summary>The extensions of table files a review hands to its importer: .xlsx, .xls, .docx, .html, .htm and .pdf.</summary>
    public static ImmutableArray<string> TableExtensions { get; } = [".xlsx", ".xls", ".docx", ".html", ".htm", ".pdf"];

    /// <summary>
    /// The submissions under <paramref name="folder"/>, sorted by their names: every folder holding
    /// <c>indicators.json</c> and <c>actuals.json</c> is one submission (nothing inside it is looked at further, so
    /// the original table kept beside a transcription is not counted twice), and every table file elsewhere is one.
    /// Hidden entries (a name starting with '.'), symbolic links to folders and the folders in
    /// <paramref name="excluded"/> (the review's own output, say) are skipped.
    /// </summary>
    /// <param name="folder">The folder to search; itself a submission when it is a rule folder.</param>
    /// <param name="excluded">Folders not to search.</param>
    /// <returns>The submissions; empty when there are none.</returns>
    public static ImmutableArray<Submission> Find(string folder, IEnumerable<string>? excluded = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var root = Path.GetFullPath(folder);
        var skip = (excluded ?? []).Select(e => Path.TrimEndingDirectorySeparator(Path.GetFullPath(e))).ToHashSet(StringComparer.Ordinal);
        var found = ImmutableArray.CreateBuilder<Submission>();
        if (IsRuleFolder(root))
        {
            found.Add(new Submission(Path.GetFileName(Path.TrimEndingDirectorySeparator(root)), root, SubmissionKind.RuleFolder));
            return found.ToImmutable();
        }

        Walk(root, root, skip, found);
        return [.. found.OrderBy(s => s.Name, StringComparer.Ordinal)];
    }

    /// <summary>Whether <paramref name="path"/> is one of the table files a review imports, by its extension.</summary>
    /// <param name="path">The file.</param>
    /// <returns>True for .xlsx, .xls, .docx, .html, .htm and .pdf.</returns>
    public static bool IsTableFile(string path) =>
        TableExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static void Walk(string root, string folder, HashSet<string> skip, ImmutableArray<Submission>.Builder found)
    {
        foreach (var file in Directory.EnumerateFiles(folder).Where(f => !Hidden(f) && IsTableFile(f)))
        {
            found.Add(new Submission(Relative(root, file), file, SubmissionKind.File));
        }

        foreach (var child in Directory.EnumerateDirectories(folder))
        {
            if (Hidden(child) || skip.Contains(Path.TrimEndingDirectorySeparator(child)) || new DirectoryInfo(child).LinkTarget is not null)
            {
                continue;
            }

            if (IsRuleFolder(child))
            {
                found.Add(new Submission(Relative(root, child), child, SubmissionKind.RuleFolder));
            }
            else
            {
                Walk(root, child, skip, found);
            }
        }
    }

    private static bool IsRuleFolder(string folder) =>
        File.Exists(Path.Combine(folder, PerfEvalJson.IndicatorSetFileName)) && File.Exists(Path.Combine(folder, PerfEvalJson.ActualsFileName));

    private static bool Hidden(string path) => Path.GetFileName(path).StartsWith('.');

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
