using PerfEval.Diagnostics;

namespace PerfEval.Loading;

/// <summary>
/// A JSON value that remembers where it stands in its file. Its path is worked out from its parent only when a
/// diagnostic asks for it; leaves carry no lists, and objects and arrays hold their children in arrays of their exact
/// size, filled from a scratch stack shared by the parse.
/// </summary>
internal sealed partial class JsonTree
{
    private static readonly JsonProperty[] NoProperties = [];
    private static readonly JsonTree[] NoItems = [];

    /// <summary>The parent value; for the root, the <see cref="LineMap"/> of the document (one field fewer in every value).</summary>
    private readonly object _parent;
    private readonly string? _name;
    private readonly int _index;

    /// <summary>The children: <see cref="JsonProperty"/>[] for an object, <see cref="JsonTree"/>[] for an array, else null.</summary>
    private object? _children;

    private JsonTree(JsonKind kind, JsonTree? parent, string? name, int index, LineMap lines, int offset)
    {
        Kind = kind;
        _parent = (object?)parent ?? lines;
        _name = name;
        _index = index;
        Offset = offset;
    }

    public JsonKind Kind { get; }

    /// <summary>The value's JSON path (<c>$.indicators[0].target</c>), worked out each time it is asked for (only findings ask).</summary>
    public string Path => _parent is not JsonTree parent ? "$" : _name is not null ? ChildPath(parent.Path, _name) : string.Concat(parent.Path, "[", _index.ToString(System.Globalization.CultureInfo.InvariantCulture), "]");

    /// <summary>Where the value starts in its file (worked out on demand, for findings).</summary>
    public SourceLocation? Location => Lines.At(Offset);

    /// <summary>The byte offset of the value in its document.</summary>
    public int Offset { get; }

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
    public JsonProperty[] Properties => _children as JsonProperty[] ?? NoProperties;

    /// <summary>The items of an array.</summary>
    public JsonTree[] Items => _children as JsonTree[] ?? NoItems;

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
            if (_children is JsonProperty[] properties)
            {
                foreach (var p in properties)
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
