using System.Text.Json;
using PerfEval.Diagnostics;

namespace PerfEval.Loading;

internal static class SourceMaps
{
    /// <summary>
    /// The position of every object, array and value of a document, by JSON path. The map is made from the
    /// document's text the first time a finding asks for a position, so documents without findings never pay for it.
    /// </summary>
    public static SourceMap Build(JsonTree root)
    {
        var lines = root.Lines;
        return new SourceMap(() => Offsets(lines.Text), lines.Locate);
    }

    private static Dictionary<string, int> Offsets(ReadOnlySpan<byte> utf8)
    {
        var offsets = new Dictionary<string, int>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = PerfEvalJson.MaxDepth });

        // One frame per open object or array: its path, and the next item's index (arrays) or -1 (objects).
        var frames = new Stack<(string Path, int Next)>();
        string? property = null;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                property = reader.GetString();
                continue;
            }

            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                frames.Pop();
                continue;
            }

            string path;
            if (frames.Count == 0)
            {
                path = "$";
            }
            else if (frames.Peek().Next < 0)
            {
                path = JsonTree.ChildPath(frames.Peek().Path, property!);
            }
            else
            {
                var (parent, next) = frames.Pop();
                frames.Push((parent, next + 1));
                path = $"{parent}[{next}]";
            }

            // A repeated property keeps its first value, as the tree does.
            offsets.TryAdd(path, (int)reader.TokenStartIndex);
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                frames.Push((path, reader.TokenType == JsonTokenType.StartArray ? 0 : -1));
            }
        }

        return offsets;
    }
}
