using PerfEval.Diagnostics;

namespace PerfEval.Loading;

/// <summary>
/// A JSON value that remembers where it stands in its file. Its path is worked out from its parent only when a
/// diagnostic asks for it. The values of a parse, and the children of its objects and arrays, come from an
/// <see cref="Arena"/> that the next parse on the thread reuses once <see cref="Release"/> gives it back: a tree is
/// read, then released, and none of its values is kept.
/// </summary>
internal sealed partial class JsonTree
{
    /// <summary>The parent value; for the root, the <see cref="LineMap"/> of the document (one field fewer in every value).</summary>
    private object _parent = null!;
    private string? _name;
    private int _index;

    /// <summary>The parse's storage, where the children of objects and arrays lie side by side.</summary>
    private Arena _arena = null!;
    private int _first;
    private int _count;

    private JsonTree()
    {
    }

    public JsonKind Kind { get; private set; }

    /// <summary>The value's JSON path (<c>$.indicators[0].target</c>), worked out each time it is asked for (only findings ask).</summary>
    public string Path => _parent is not JsonTree parent ? "$" : _name is not null ? ChildPath(parent.Path, _name) : string.Concat(parent.Path, "[", _index.ToString(System.Globalization.CultureInfo.InvariantCulture), "]");

    /// <summary>Where the value starts in its file (worked out on demand, for findings).</summary>
    public SourceLocation? Location => Lines.At(Offset);

    /// <summary>The byte offset of the value in its document.</summary>
    public int Offset { get; private set; }

    /// <summary>The lines of the document this value belongs to (kept by the root).</summary>
    public LineMap Lines
    {
        get
        {
            var node = this;
            while (node._parent is JsonTree parent)
            {
                node = parent;
            }

            return (LineMap)node._parent;
        }
    }

    /// <summary>The text of a string, or the raw text of a number.</summary>
    public string? Text { get; private set; }

    /// <summary>The properties of an object, in document order (duplicates left out).</summary>
    public JsonChildren<JsonProperty> Properties => Kind == JsonKind.Object && _count > 0 ? new(_arena.Properties, _first, _count) : default;

    /// <summary>The items of an array.</summary>
    public JsonChildren<JsonTree> Items => Kind == JsonKind.Array && _count > 0 ? new(_arena.Items, _first, _count) : default;

    /// <summary>Set by the schema check: this value breaks the schema (it is read as absent).</summary>
    public bool Invalid { get; set; }

    /// <summary>Set by the schema check: the schema an object was checked against.</summary>
    public Schema? Schema { get; set; }

    /// <summary>Set by the schema check: this value or one inside it breaks the schema.</summary>
    public bool Faulty { get; set; }

    /// <summary>The value of the property <paramref name="name"/> of an object; null when absent.</summary>
    public JsonTree? this[string name]
    {
        get
        {
            if (Kind == JsonKind.Object)
            {
                foreach (var p in Properties)
                {
                    // Names are mostly shared instances (see Intern): compare references first.
                    if ((object)p.Name == name || p.Name == name)
                    {
                        return p.Value;
                    }
                }
            }

            return null;
        }
    }

    public static string KindName(JsonKind kind) => kind switch
    {
        JsonKind.Object => "object",
        JsonKind.Array => "array",
        JsonKind.String => "string",
        JsonKind.Number => "number",
        JsonKind.True or JsonKind.False => "boolean",
        _ => "null",
    };

    /// <summary>The path of an indicator's entry in the actuals (<c>$.indicators.id</c>).</summary>
    public static string IndicatorPath(string id) => ChildPath("$.indicators", id);

    /// <summary>The JSON path of a property: <c>$.name</c>, or <c>$['odd name']</c> when the name is not an identifier.</summary>
    public static string ChildPath(string parent, string name)
    {
        var plain = name.Length > 0 && !char.IsDigit(name[0]);
        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_' || c == '-'))
            {
                plain = false;
                break;
            }
        }

        return plain ? $"{parent}.{name}" : $"{parent}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";
    }
}
