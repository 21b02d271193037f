using PerfEval.Loading;

namespace PerfEval.Cli;

/// <summary>One programme to evaluate: its indicator-set file and its actuals file.</summary>
internal sealed record ProgrammeInput(string IndicatorSetPath, string ActualsPath);

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
                var firstIsActuals = LooksLikeActuals(files[0]);
                var secondIsActuals = LooksLikeActuals(files[1]);
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
    public static IEnumerable<Batch.BatchInput> ResolveBatch(IReadOnlyList<string> paths, out List<string> problems, out int count)
    {
        var lines = paths.Where(p => File.Exists(p) && p.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)).ToList();
        var programmes = Resolve([.. paths.Except(lines)], out problems);
        count = programmes.Count;
        foreach (var file in lines)
        {
            count += CountLines(file);
        }

        return programmes.Select(p => Batch.BatchInput.FromFiles(p.IndicatorSetPath, p.ActualsPath)).Concat(lines.SelectMany(JsonLines));
    }

    /// <summary>One programme per non-blank line, split as bytes here and parsed on the worker that evaluates it.</summary>
    private static IEnumerable<Batch.BatchInput> JsonLines(string file) => Batch.BatchInput.FromJsonLinesFile(file);

    /// <summary>The non-blank lines of a file, counted in its bytes without decoding them.</summary>
    private static int CountLines(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 16];
        var count = 0;
        var blank = true;
        var start = true;
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var span = buffer.AsSpan(0, n);
            if (start && span.StartsWith("\uFEFF"u8))
            {
                span = span[3..];
            }

            start = false;
            while (span.Length > 0)
            {
                var newline = span.IndexOf((byte)'\n');
                var part = newline < 0 ? span : span[..newline];
                blank = blank && part.IndexOfAnyExcept(" \t\r"u8) < 0;
                if (newline < 0)
                {
                    break;
                }

                count += blank ? 0 : 1;
                blank = true;
                span = span[(newline + 1)..];
            }
        }

        return count + (blank ? 0 : 1);
    }

    private static bool IsProgrammeFolder(string folder) =>
        File.Exists(Path.Combine(folder, PerfEvalJson.IndicatorSetFileName)) && File.Exists(Path.Combine(folder, PerfEvalJson.ActualsFileName));

    private static ProgrammeInput FromFolder(string folder) =>
        new(Path.Combine(folder, PerfEvalJson.IndicatorSetFileName), Path.Combine(folder, PerfEvalJson.ActualsFileName));

    private static bool LooksLikeActuals(string file)
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

        try
        {
            using var stream = File.OpenRead(file);
            using var doc = System.Text.Json.JsonDocument.Parse(stream, new System.Text.Json.JsonDocumentOptions
            {
                AllowTrailingCommas = true,
                CommentHandling = System.Text.Json.JsonCommentHandling.Skip,
                MaxDepth = PerfEvalJson.MaxDepth,
            });
            return doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && doc.RootElement.TryGetProperty("indicatorSet", out _);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            // Unreadable or malformed: treat it as an indicator set; the reader reports the problem with its location.
            return false;
        }
    }
}
