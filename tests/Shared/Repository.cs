namespace PerfEval.Testing;

/// <summary>Finds the repository's files from a test or benchmark binary (shared by the test and benchmark projects).</summary>
internal static class Repository
{
    /// <summary>The folder that holds PerfEval.sln, searched upwards from the running binary.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PerfEval.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PerfEval.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The seed example's programme folder.</summary>
    public static string SeedExample() => Path.Combine(Root(), "rules", "examples", "zalantun-employment-2025");
}
