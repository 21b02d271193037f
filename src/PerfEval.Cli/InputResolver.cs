using PerfEval.Loading;

namespace PerfEval.Cli;

/// <summary>Turns the command line's paths into programmes.</summary>
internal static class InputResolver
{
    /// <summary>
    /// A folder with indicators.json and actuals.json is one programme; a folder without them is searched one
    /// level down for such folders (sorted by name); two files are an indicator set and its actuals, told apart
    /// by their names or, failing that, by whether the document has an "indicatorSet" property.
    /// </summary>
    public static List<ProgrammeInput> Resolve(IReadOnlyList<string> paths, out List<string> problems)
    {
        problems = [];
        var inputs = new List<ProgrammeInput>();
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                if (IsProgrammeFolder(path))
                {
                    inputs.Add(FromFolder(path));
                    continue;
                }

                var children = Directory.GetDirectories(path).Where(IsProgrammeFolder).Order(StringComparer.Ordinal).ToList();
                if (children.Count == 0)
                {
                    problems.Add($"{path}: no {PerfEvalJson.IndicatorSetFileName} and {PerfEvalJson.ActualsFileName} here or in its sub-folders.");
                }

                inputs.AddRange(children.Select(FromFolder));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                problems.Add($"{path}: no such file or folder.");
            }
        }

        if (files.Count > 0)
        {
            if (files.Count != 2)
            {
                problems.Add("Give files in pairs: one indicator-set file and one actuals file (or give a programme folder).");
            }
            else
            {
                // A file that cannot be looked into (a device, a FIFO, too large, unreadable) takes the role the other
                // one leaves; reading it then reports why it cannot be read (PE1011).
                var first = LooksLikeActuals(files[0]);
                var second = LooksLikeActuals(files[1]);
                var firstIsActuals = first ?? (second is { } s ? !s : false);
                var secondIsActuals = second ?? !firstIsActuals;
                if (firstIsActuals == secondIsActuals)
                {
                    problems.Add($"Cannot tell which of {files[0]} and {files[1]} is the indicator set and which the actuals (actuals have an \"indicatorSet\" property).");
                }
                else
                {
                    inputs.Add(firstIsActuals ? new ProgrammeInput(files[1], files[0]) : new ProgrammeInput(files[0], files[1]));
                }
            }
        }

        return inputs;
    }

    /// <summary>
    /// The programmes to evaluate as a lazy stream for the batch evaluator: folders and file pairs as <see cref="Resolve"/>
    /// reads them, and JSON Lines files (<c>.jsonl</c>) with one programme per line:
    /// <c>{"name": "…", "indicatorSet": {…}, "actuals": {…}}</c>. <paramref name="count"/> is the number of programmes.
    /// </summary>
    /// <param name="paths">The command line's paths.</param>
    /// <param name="how">
    /// Whether a programme folder's policy.json applies (no --policy given), and how far to count: everything when progress
    /// shows the total, else 2 (whether there are any programmes, and several).
    /// </param>
    /// <param name="problems">What could not be resolved.</param>
    /// <param name="count">The number of programmes; the lines of JSON Lines files are counted only until it reaches <c>how.CountUpTo</c>.</param>
    public static IEnumerable<Batch.BatchInput> ResolveBatch(IReadOnlyList<string> paths, (bool FolderPolicy, int CountUpTo) how, out List<string> problems, out int count)
    {
        var lines = paths.Where(p => p.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) && File.Exists(p)).ToList();
        var programmes = Resolve([.. paths.Except(lines)], out problems);
        var folderPolicy = how.FolderPolicy;

        // Counting scans each file's bytes for line ends without keeping a line, and does not open special files; a
        // file of a national year (hundreds of megabytes) is scanned to the end only when progress shows the total.
        count = programmes.Count;
        foreach (var file in lines)
        {
            if (count >= how.CountUpTo)
            {
                break;
            }

            count += Batch.JsonLines.Count(file, Batch.BatchInput.MaxJsonLineBytes, upTo: how.CountUpTo - count);
        }

        return programmes.Select(p => Batch.BatchInput.Lazy(Path.GetDirectoryName(p.IndicatorSetPath) ?? p.IndicatorSetPath, () => p.Read(folderPolicy)))
            .Concat(lines.SelectMany(Batch.BatchInput.FromJsonLinesFile));
    }

    private static bool IsProgrammeFolder(string folder) =>
        File.Exists(Path.Combine(folder, PerfEvalJson.IndicatorSetFileName)) && File.Exists(Path.Combine(folder, PerfEvalJson.ActualsFileName));

    private static ProgrammeInput FromFolder(string folder) =>
        new(Path.Combine(folder, PerfEvalJson.IndicatorSetFileName), Path.Combine(folder, PerfEvalJson.ActualsFileName), folder);

    /// <summary>
    /// Whether a file is actuals: by its name, or else by a top-level "indicatorSet" property. Null when the file
    /// cannot be looked into: a device, a FIFO or a socket (never opened), a file larger than a document may be,
    /// or one that cannot be read. It is read within <see cref="PerfEvalJson.MaxDocumentBytes"/>, like any document.
    /// </summary>
    private static bool? LooksLikeActuals(string file)
    {
        var name = Path.GetFileName(file);
        if (name.Equals(PerfEvalJson.ActualsFileName, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (name.Equals(PerfEvalJson.IndicatorSetFileName, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var bytes = InputFiles.ReadFile(file, PerfEvalJson.MaxDocumentBytes);
        if (!bytes.Succeeded)
        {
            return null;
        }

        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(bytes.Memory, new System.Text.Json.JsonDocumentOptions
            {
                AllowTrailingCommas = true,
                CommentHandling = System.Text.Json.JsonCommentHandling.Skip,
                MaxDepth = PerfEvalJson.MaxDepth,
            });
            return doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && doc.RootElement.TryGetProperty("indicatorSet", out _);
        }
        catch (System.Text.Json.JsonException)
        {
            // Malformed: treat it as an indicator set; the reader reports the problem with its location.
            return false;
        }
    }
}
