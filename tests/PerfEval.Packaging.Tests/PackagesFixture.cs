using PerfEval.Testing;

namespace PerfEval.Packaging.Tests;

/// <summary>
/// Packs PerfEval, PerfEval.Excel, PerfEval.Import and PerfEval.Cli once for the packaging tests, with <c>dotnet pack -c Release</c>
/// into a temporary folder (the feed). The build is incremental: where the Release build is already there (CI builds
/// it before the tests) it is reused; on a clean clone the pack builds it.
/// </summary>
public sealed class PackagesFixture : IDisposable
{
    /// <summary>The version of all four packages.</summary>
    public const string Version = "0.1.0";

    /// <summary>The packed projects, in dependency order.</summary>
    public static readonly IReadOnlyList<string> Projects = ["PerfEval", "PerfEval.Excel", "PerfEval.Import", "PerfEval.Cli"];

    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(8);

    public PackagesFixture()
    {
        Work = Directory.CreateTempSubdirectory("perfeval-packaging-").FullName;
        Feed = Path.Combine(Work, "feed");
        Directory.CreateDirectory(Feed);

        // Projects made under Work (the consumer) must not inherit build settings from folders above it.
        File.WriteAllText(Path.Combine(Work, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Work, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Work, "Directory.Packages.props"), "<Project />\n");

        var root = Repository.Root();
        var outputs = new List<ProcessResult>();
        foreach (var project in Projects)
        {
            var path = Path.Combine(root, "src", project, project + ".csproj");
            outputs.Add(ChildProcess.RunDotNet(["pack", path, "-c", "Release", "-o", Feed, "-nodeReuse:false", "-v:minimal"], root, PackTimeout).EnsureSuccess());
        }

        PackOutputs = outputs;
    }

    /// <summary>A temporary folder for everything the tests make; deleted at the end.</summary>
    public string Work { get; }

    /// <summary>The folder the packages were packed into, used as a package source.</summary>
    public string Feed { get; }

    /// <summary>What each <c>dotnet pack</c> printed.</summary>
    internal IReadOnlyList<ProcessResult> PackOutputs { get; }

    /// <summary>The package's path in the feed.</summary>
    public string Package(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    /// <summary>The symbol package's path in the feed.</summary>
    public string Symbols(string id) => Path.Combine(Feed, $"{id}.{Version}.snupkg");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Work, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a leftover temporary folder is harmless
        }
    }
}
