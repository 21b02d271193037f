using System.Text.Json.Nodes;
using PerfEval.Loading;

namespace PerfEval.Tests.Review;

/// <summary>
/// A temporary folder of submissions built from the seed example: copies with the report's stated figures (which the
/// audit finds wrong), copies without them, table files and a broken rule folder, in sub-folders.
/// </summary>
public sealed class ReviewFolder : IDisposable
{
    public ReviewFolder() => Root = Directory.CreateTempSubdirectory("perfeval-review-").FullName;

    public string Root { get; }

    /// <summary>A copy of the seed example at <paramref name="relative"/>, with or without its <c>stated</c> block.</summary>
    public string Seed(string relative, bool stated = true)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Root, relative)).FullName;
        var seed = Testing.Repository.SeedExample();
        File.Copy(Path.Combine(seed, PerfEvalJson.IndicatorSetFileName), Path.Combine(folder, PerfEvalJson.IndicatorSetFileName));
        var actuals = JsonNode.Parse(File.ReadAllText(Path.Combine(seed, PerfEvalJson.ActualsFileName)))!.AsObject();
        if (!stated)
        {
            actuals.Remove("stated");
        }

        actuals.Remove("$schema");
        File.WriteAllText(Path.Combine(folder, PerfEvalJson.ActualsFileName), actuals.ToJsonString());
        return folder;
    }

    /// <summary>A file at <paramref name="relative"/> with some content.</summary>
    public string TableFile(string relative, string content = "<html></html>")
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A browser child may still hold a file; the folder is in the temporary directory.
        }
    }
}
