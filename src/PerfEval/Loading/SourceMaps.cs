using System.Collections.Immutable;
using PerfEval.Diagnostics;

namespace PerfEval.Loading;

internal static class SourceMaps
{
    /// <summary>Records the position of every object, array and value in a document, by JSON path.</summary>
    public static SourceMap Build(JsonTree root)
    {
        var offsets = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<JsonTree>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            offsets[node.Path] = node.Offset;

            foreach (var p in node.Properties)
            {
                stack.Push(p.Value);
            }

            foreach (var i in node.Items)
            {
                stack.Push(i);
            }
        }

        return new SourceMap(offsets, root.Locator);
    }
}
