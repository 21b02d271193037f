using System.Collections.Immutable;
using PerfEval.Diagnostics;

namespace PerfEval.Loading;

/// <summary>Reads the properties of one JSON object, reporting unknown, duplicate, missing and mistyped ones.</summary>
internal sealed class ObjectReader
{
    private readonly JsonTree _node;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, JsonTree> _values = new(StringComparer.Ordinal);

    private ObjectReader(JsonTree node, DiagnosticBag diagnostics, IReadOnlyCollection<string> known)
    {
        _node = node;
        _diagnostics = diagnostics;
        foreach (var p in node.Properties)
        {
            if (p.Name == "$schema" || IsComment(p.Name))
            {
                continue;
            }

            if (!known.Contains(p.Name))
            {
                diagnostics.Add(DiagnosticCodes.UnknownProperty, DiagnosticSeverity.Error, p.Value.Path, p.NameLocation,
                    ("name", p.Name), ("suggestion", Messages.DidYouMean(Closest(p.Name, known))));
                continue;
            }

            _values[p.Name] = p.Value;
        }
    }

    public JsonTree Node => _node;

    /// <summary>Properties named "//…" are comments for readers of the file and are skipped everywhere.</summary>
    public static bool IsComment(string name) => name.StartsWith("//", StringComparison.Ordinal);

    /// <summary>Starts reading <paramref name="node"/>; null (after a PE1003) when it is not an object.</summary>
    public static ObjectReader? Open(JsonTree node, DiagnosticBag diagnostics, IReadOnlyCollection<string> known)
    {
        if (node.Kind != JsonKind.Object)
        {
            WrongType(node, "object", diagnostics);
            return null;
        }

        return new ObjectReader(node, diagnostics, known);
    }

    public static void WrongType(JsonTree node, string expected, DiagnosticBag diagnostics) =>
        diagnostics.Add(DiagnosticCodes.WrongType, DiagnosticSeverity.Error, node.Path, node.Location,
            ("expected", Messages.Word(expected)), ("actual", Messages.Word(JsonTree.KindName(node.Kind))));

    public JsonTree? Get(string name, bool required = false)
    {
        if (_values.TryGetValue(name, out var v) && v.Kind != JsonKind.Null)
        {
            return v;
        }

        if (required)
        {
            _diagnostics.Add(DiagnosticCodes.MissingProperty, DiagnosticSeverity.Error, JsonTree.ChildPath(_node.Path, name), _node.Location, ("name", name));
        }

        return null;
    }

    public string? String(string name, bool required = false)
    {
        var v = Get(name, required);
        if (v is null)
        {
            return null;
        }

        if (v.Kind != JsonKind.String)
        {
            WrongType(v, "string", _diagnostics);
            return null;
        }

        if (required && string.IsNullOrWhiteSpace(v.Text))
        {
            _diagnostics.Add(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, v.Path, v.Location, ("value", v.Text), ("reason", Messages.IsChinese ? "不能为空" : "it must not be empty"));
            return null;
        }

        return v.Text;
    }

    public decimal? Decimal(string name, bool required = false) => Get(name, required) is { } v ? ReadDecimal(v, _diagnostics) : null;

    public int? Int(string name, bool required = false)
    {
        var d = Decimal(name, required);
        if (d is null)
        {
            return null;
        }

        if (d != decimal.Truncate(d.Value) || d < int.MinValue || d > int.MaxValue)
        {
            var v = _values[name];
            _diagnostics.Add(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, v.Path, v.Location, ("value", v.Text), ("reason", Messages.IsChinese ? "应为整数" : "it must be a whole number"));
            return null;
        }

        return (int)d.Value;
    }

    public bool? Bool(string name)
    {
        var v = Get(name);
        if (v is null)
        {
            return null;
        }

        if (v.Kind is not (JsonKind.True or JsonKind.False))
        {
            WrongType(v, "boolean", _diagnostics);
            return null;
        }

        return v.Kind == JsonKind.True;
    }

    public JsonTree? Array(string name, bool required = false)
    {
        var v = Get(name, required);
        if (v is null)
        {
            return null;
        }

        if (v.Kind != JsonKind.Array)
        {
            WrongType(v, "array", _diagnostics);
            return null;
        }

        return v;
    }

    public ObjectReader? Object(string name, IReadOnlyCollection<string> known, bool required = false) =>
        Get(name, required) is { } v ? Open(v, _diagnostics, known) : null;

    public ImmutableArray<string> Strings(string name)
    {
        var a = Array(name);
        if (a is null)
        {
            return [];
        }

        var list = ImmutableArray.CreateBuilder<string>();
        foreach (var item in a.Items)
        {
            if (item.Kind == JsonKind.String)
            {
                list.Add(item.Text!);
            }
            else
            {
                WrongType(item, "string", _diagnostics);
            }
        }

        return list.ToImmutable();
    }

    public static decimal? ReadDecimal(JsonTree v, DiagnosticBag diagnostics)
    {
        if (v.Kind != JsonKind.Number)
        {
            WrongType(v, "number", diagnostics);
            return null;
        }

        if (!Indicators.Notation.TryDecimal(v.Text!, out var d))
        {
            diagnostics.Add(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, v.Path, v.Location, ("value", v.Text),
                ("reason", Messages.IsChinese ? "数值超出范围" : "the number is out of range"));
            return null;
        }

        return d;
    }

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
