using System.Reflection;
using PerfEval.Evaluation;

namespace Samples;

public static class Schemas
{
    /// <summary>
    /// Writes the JSON Schemas that PerfEval.dll carries (PerfEval.Schemas.*) into a folder, so that editors can
    /// check rule files that point at them with "$schema". Keep the files together: they refer to each other.
    /// </summary>
    public static IReadOnlyList<string> Extract(string folder)
    {
        const string prefix = "PerfEval.Schemas.";
        Assembly assembly = typeof(Evaluator).Assembly;
        var written = new List<string>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var path = Path.Combine(folder, name[prefix.Length..]);   // indicator-set.schema.json, actuals.schema.json…
            using (Stream resource = assembly.GetManifestResourceStream(name)!)
            using (FileStream file = File.Create(path))
            {
                resource.CopyTo(file);
            }

            written.Add(path);
        }

        return written;
    }
}
