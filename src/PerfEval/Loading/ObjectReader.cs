using System.Collections.Immutable;

namespace PerfEval.Loading;

/// <summary>
/// Reads the values of a document that <see cref="SchemaChecker"/> has checked: types are known to fit, and a value
/// that broke the schema reads as absent (its diagnostic has been given). Nothing here reports anything.
/// </summary>
internal static class ObjectReader
{
    /// <summary>Called with each object and the name of each property read from it (set by tests that keep the reading and the schemas in step).</summary>
    internal static Action<JsonTree, string>? OnRead;

    /// <summary>Properties named "//…" are comments for readers of the file and are skipped everywhere.</summary>
    public static bool IsComment(string name) => name.Length >= 2 && name[0] == '/' && name[1] == '/';

    /// <summary>The value of a property that fits its schema; null when absent, null or not fitting.</summary>
    public static JsonTree? Get(this JsonTree node, string name)
    {
        OnRead?.Invoke(node, name);
        return node[name] is { Invalid: false, Kind: not JsonKind.Null } v ? v : null;
    }

    public static string? String(this JsonTree node, string name) => node.Get(name)?.Text;

    public static decimal? Decimal(this JsonTree node, string name) => node.Get(name) is { } v ? Decimal(v) : null;

    /// <summary>A number's value (the schema check has made sure it fits a decimal).</summary>
    public static decimal Decimal(this JsonTree number) => Indicators.Notation.TryDecimal(number.Text!, out var d) ? d : 0m;

    public static int? Int(this JsonTree node, string name) => node.Decimal(name) is { } d ? (int)d : null;

    public static bool? Bool(this JsonTree node, string name) => node.Get(name)?.Kind is { } k ? k == JsonKind.True : null;

    public static JsonChildren<JsonTree> Items(this JsonTree node, string name) => node.Get(name)?.Items ?? default;

    public static ImmutableArray<string> Strings(this JsonTree node, string name)
    {
        var items = node.Items(name);
        if (items.Length == 0)
        {
            return [];
        }

        var strings = ImmutableArray.CreateBuilder<string>(items.Length);
        foreach (var item in items)
        {
            if (!item.Invalid)
            {
                strings.Add(item.Text!);
            }
        }

        return strings.DrainToImmutable();
    }

    /// <summary>Whether a property of a map is an entry: not a comment, not null, and not breaking the schema.</summary>
    public static bool IsEntry(in JsonProperty p) => !p.Value.Invalid && p.Value.Kind != JsonKind.Null && !IsComment(p.Name);

    /// <summary>The known name closest to a misspelt one (case-insensitive, or at most two edits away).</summary>
    public static string? Closest(string name, IEnumerable<string> known)
    {
        // A suggestion compares with every known name: past a few hundred names, skip it rather than take quadratic time.
        if (known is ICollection<string> { Count: > 512 })
        {
            return null;
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var k in known)
        {
            var d = string.Equals(k, name, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(name.ToLowerInvariant(), k.ToLowerInvariant());
            if (d < bestDistance)
            {
                bestDistance = d;
                best = k;
            }
        }

        return bestDistance <= Math.Max(1, Math.Min(2, name.Length / 3)) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 3 || a.Length > 64 || b.Length > 64)
        {
            return int.MaxValue;
        }

        // Optimal string alignment: insertions, deletions, substitutions and swaps of neighbours ("nmae" → "name") cost 1.
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
