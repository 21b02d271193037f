using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PerfEval.Diagnostics;

namespace PerfEval.Loading;

/// <summary>The JSON types a schema allows (<c>"type"</c>), as flags; none set means any.</summary>
[Flags]
internal enum JsonTypes
{
    None = 0,
    Number = 1,
    Integer = 2,
    String = 4,
    Boolean = 8,
    Array = 16,
    Object = 32,
}

/// <summary>
/// One schema of rules/schema/*.json, compiled from the keywords that describe a document's structure: <c>type</c>,
/// <c>properties</c>, <c>patternProperties</c>, <c>additionalProperties</c>, <c>required</c>, <c>enum</c>,
/// <c>minimum</c>, <c>maximum</c>, <c>exclusiveMinimum</c>, <c>exclusiveMaximum</c>, <c>items</c>, <c>anyOf</c> and
/// <c>$ref</c> (within a file and to the file next to it). The other keywords of the files (<c>if</c>/<c>then</c>,
/// <c>dependentRequired</c>, <c>contains</c>, <c>minItems</c>, string lengths and patterns) describe what the model's
/// own checks report under their specific codes (PE1008, PE1009, PE1012, PE1014, PE1015) and are left to them.
/// </summary>
internal sealed class Schema
{
    public required string Pointer { get; init; }

    public JsonTypes Types { get; set; }

    public FrozenDictionary<string, Schema>? Properties { get; set; }

    public (string Literal, bool Prefix, Regex? Pattern, Schema Schema)[] PatternProperties { get; set; } = [];

    public bool Closed { get; set; }

    public Schema? Additional { get; set; }

    public string[] Required { get; set; } = [];

    public Schema? Items { get; set; }

    public string[]? Enum { get; set; }

    public decimal? Minimum { get; set; }

    public decimal? Maximum { get; set; }

    public decimal? ExclusiveMinimum { get; set; }

    public decimal? ExclusiveMaximum { get; set; }

    public Schema[]? AnyOf { get; set; }

    public Schema? Ref { get; set; }

    /// <summary>The types this schema allows, following <c>$ref</c> and <c>anyOf</c>; an enum of strings allows strings.</summary>
    public JsonTypes EffectiveTypes => _effectiveTypes ??=
        Types != JsonTypes.None ? Types
        : Ref is not null ? Ref.EffectiveTypes
        : AnyOf is not null ? (AnyOf.Any(a => a.EffectiveTypes == JsonTypes.None) ? JsonTypes.None : AnyOf.Aggregate(JsonTypes.None, (t, a) => t | a.EffectiveTypes))
        : Enum is not null ? JsonTypes.String
        : JsonTypes.None;

    /// <summary>The enum values of a schema made only of enums (directly, through <c>$ref</c> or as <c>anyOf</c> branches).</summary>
    public string[]? EnumValues => _enumValues ??= (Enum ?? (Types == JsonTypes.None && Ref is not null && Properties is null ? Ref.EnumValues
        : Types == JsonTypes.None && AnyOf is not null && AnyOf.All(a => a.IsEnum) ? [.. AnyOf.SelectMany(a => a.EnumValues!).Distinct(StringComparer.Ordinal)] : null)) ?? [];

    /// <summary>Whether <see cref="EnumValues"/> has any (a schema that is not an enum has none).</summary>
    public bool IsEnum => EnumValues!.Length > 0;

    private JsonTypes? _effectiveTypes;
    private string[]? _enumValues;

    /// <summary>Whether an object of this schema may have the property (by <c>properties</c>, also through <c>$ref</c>).</summary>
    public bool Declares(string name) => (Properties?.ContainsKey(name) ?? false) || (Ref?.Declares(name) ?? false);

    public override string ToString() => Pointer;
}

/// <summary>The four schemas, compiled once from the copies embedded in the assembly.</summary>
internal static class Schemas
{
    public const string IndicatorSetFile = "indicator-set.schema.json";
    public const string ActualsFile = "actuals.schema.json";
    public const string PolicyFile = "policy.schema.json";
    public const string RuleTemplateFile = "rule-template.schema.json";

    private static readonly Lazy<Dictionary<string, Schema>> Compiled = new(Compile, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Schema IndicatorSet => Compiled.Value[IndicatorSetFile + "#"];

    public static Schema Actuals => Compiled.Value[ActualsFile + "#"];

    public static Schema Policy => Compiled.Value[PolicyFile + "#"];

    /// <summary>A policy inside an indicator set (no name required).</summary>
    public static Schema InlinePolicy => Compiled.Value[PolicyFile + "#/$defs/policy"];

    public static Schema RuleTemplate => Compiled.Value[RuleTemplateFile + "#"];

    /// <summary>Every compiled schema by pointer (<c>file#/$defs/name</c>, <c>file#</c> for a root).</summary>
    public static IReadOnlyDictionary<string, Schema> All => Compiled.Value;

    /// <summary>The text of a schema file as embedded in the assembly.</summary>
    public static string Text(string file)
    {
        using var stream = typeof(Schemas).Assembly.GetManifestResourceStream("PerfEval.Schemas." + file)
            ?? throw new InvalidOperationException($"The schema {file} is not embedded in the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static Dictionary<string, Schema> Compile()
    {
        var documents = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var file in (string[])[IndicatorSetFile, ActualsFile, PolicyFile, RuleTemplateFile])
        {
            using var document = JsonDocument.Parse(Text(file));
            documents[file] = document.RootElement.Clone();
        }

        var compiled = new Dictionary<string, Schema>(StringComparer.Ordinal);
        var pending = new List<(Schema Schema, string File, JsonElement Element)>();

        Schema At(string file, string pointer)
        {
            var key = file + "#" + pointer;
            if (compiled.TryGetValue(key, out var known))
            {
                return known;
            }

            var element = documents[file];
            foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                element = element.GetProperty(segment);
            }

            var schema = new Schema { Pointer = key };
            compiled[key] = schema;
            pending.Add((schema, file, element));
            return schema;
        }

        // Inline schemas (a property's own) get the pointer of where they stand.
        Schema Inline(string file, string pointer, JsonElement element)
        {
            var schema = new Schema { Pointer = file + "#" + pointer };
            pending.Add((schema, file, element));
            return schema;
        }

        foreach (var file in documents.Keys)
        {
            At(file, string.Empty);
        }

        for (var i = 0; i < pending.Count; i++)
        {
            var (schema, file, element) = pending[i];
            var at = schema.Pointer[(schema.Pointer.IndexOf('#', StringComparison.Ordinal) + 1)..];
            foreach (var keyword in element.EnumerateObject())
            {
                var v = keyword.Value;
                switch (keyword.Name)
                {
                    case "type":
                        schema.Types = v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Aggregate(JsonTypes.None, (t, e) => t | TypeOf(e.GetString()!)) : TypeOf(v.GetString()!);
                        break;
                    case "$ref":
                        var reference = v.GetString()!;
                        var hash = reference.IndexOf('#', StringComparison.Ordinal);
                        schema.Ref = At(hash == 0 ? file : reference[..hash], reference[(hash + 1)..]);
                        break;
                    case "properties":
                        schema.Properties = v.EnumerateObject().ToFrozenDictionary(p => p.Name, p => Inline(file, $"{at}/properties/{p.Name}", p.Value), StringComparer.Ordinal);
                        break;
                    case "patternProperties":
                        schema.PatternProperties = [.. v.EnumerateObject().Select(p => Pattern(p.Name, Inline(file, $"{at}/patternProperties/{p.Name}", p.Value)))];
                        break;
                    case "additionalProperties":
                        schema.Closed = v.ValueKind == JsonValueKind.False;
                        schema.Additional = v.ValueKind == JsonValueKind.Object ? Inline(file, $"{at}/additionalProperties", v) : null;
                        break;
                    case "required":
                        schema.Required = [.. v.EnumerateArray().Select(e => e.GetString()!)];
                        break;
                    case "items":
                        schema.Items = Inline(file, $"{at}/items", v);
                        break;
                    case "anyOf":
                        schema.AnyOf = [.. v.EnumerateArray().Select((e, n) => Inline(file, $"{at}/anyOf/{n}", e))];
                        break;
                    case "enum":
                        schema.Enum = [.. v.EnumerateArray().Select(e => e.GetString()!)];
                        break;
                    case "minimum":
                        schema.Minimum = v.GetDecimal();
                        break;
                    case "maximum":
                        schema.Maximum = v.GetDecimal();
                        break;
                    case "exclusiveMinimum":
                        schema.ExclusiveMinimum = v.GetDecimal();
                        break;
                    case "exclusiveMaximum":
                        schema.ExclusiveMaximum = v.GetDecimal();
                        break;
                }
            }
        }

        return compiled;
    }

    private static JsonTypes TypeOf(string name) => name switch
    {
        "number" => JsonTypes.Number,
        "integer" => JsonTypes.Integer,
        "string" => JsonTypes.String,
        "boolean" => JsonTypes.Boolean,
        "array" => JsonTypes.Array,
        "object" => JsonTypes.Object,
        _ => throw new InvalidOperationException($"The schemas use the type '{name}', which the checker does not know."),
    };

    /// <summary>A property-name pattern: a literal (<c>^\$schema$</c>), a prefix (<c>^\x2F\x2F</c>) or, failing those, a regular expression.</summary>
    private static (string, bool, Regex?, Schema) Pattern(string pattern, Schema schema)
    {
        var literal = Regex.Unescape(pattern.TrimStart('^').TrimEnd('$'));
        var plain = pattern.StartsWith('^') && !literal.Any(c => "\\^$.|?*+()[]{}".Contains(c, StringComparison.Ordinal));
        return plain
            ? (literal, !pattern.EndsWith('$'), null, schema)
            : (string.Empty, false, new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking), schema);
    }
}

/// <summary>
/// Checks a parsed document against its schema and reports what does not fit, with the document's path, line and
/// column: an unknown property (PE1002, with the closest known name), a value of the wrong type (PE1003), a missing
/// required property or a blank required string (PE1004, PE1005), a value outside its enum or bounds, a number beyond
/// what a decimal holds, a fraction where a whole number belongs (PE1005). A property set to null counts as absent.
/// Values that break the schema are marked <see cref="JsonTree.Invalid"/>, and they and their parents
/// <see cref="JsonTree.Faulty"/>, so that the reading that follows takes them as absent.
/// </summary>
internal sealed class SchemaChecker
{
    private readonly DiagnosticBag _diagnostics;
    private HashSet<(string Code, string Path)>? _reported;

    private SchemaChecker(DiagnosticBag diagnostics) => _diagnostics = diagnostics;

    /// <summary>Checks <paramref name="root"/> against <paramref name="schema"/>; true when it fits.</summary>
    public static bool Check(JsonTree root, Schema schema, DiagnosticBag diagnostics) => new SchemaChecker(diagnostics).Value(root, schema);

    private bool Value(JsonTree node, Schema schema)
    {
        var ok = true;
        if (schema.Ref is not null)
        {
            ok = Value(node, schema.Ref);
            if (!ok && node.Invalid)
            {
                return false;
            }
        }

        if (schema.AnyOf is not null && !AnyOf(node, schema))
        {
            return false;
        }

        if (schema.Types != JsonTypes.None && !Fits(node.Kind, schema.Types))
        {
            return WrongType(node, schema.Types);
        }

        switch (node.Kind)
        {
            case JsonKind.Number when schema.Types != JsonTypes.None:
                ok &= Number(node, schema);
                break;
            case JsonKind.String when schema.Enum is not null:
                if (!InEnum(node.Text!, schema.Enum))
                {
                    return Invalid(node, (Messages.IsChinese ? "应为以下之一：" : "expected one of: ") + string.Join(", ", schema.Enum));
                }

                break;
            case JsonKind.Object when schema.Properties is not null || schema.Closed || schema.Additional is not null || schema.Required.Length > 0 || schema.PatternProperties.Length > 0:
                ok &= Object(node, schema);
                break;
            case JsonKind.Array when schema.Items is not null:
                foreach (var item in node.Items)
                {
                    ok &= Value(item, schema.Items);
                }

                break;
            case not JsonKind.String when schema.Enum is not null:
                return WrongType(node, JsonTypes.String);
        }

        if (!ok)
        {
            node.Faulty = true;
        }

        return ok;
    }

    private bool AnyOf(JsonTree node, Schema schema)
    {
        Schema? first = null;
        var untyped = false;
        foreach (var a in schema.AnyOf!)
        {
            untyped |= a.EffectiveTypes == JsonTypes.None;
            if (a.EffectiveTypes != JsonTypes.None && Fits(node.Kind, a.EffectiveTypes))
            {
                first ??= a;
            }
        }

        if (first is null && !untyped)
        {
            return WrongType(node, schema.EffectiveTypes);
        }

        // Branches that are enums of names (the levels): one list of every name.
        if (schema.IsEnum)
        {
            if (node.Kind != JsonKind.String)
            {
                return WrongType(node, JsonTypes.String);
            }

            var all = schema.EnumValues!;
            return InEnum(node.Text!, all) || Invalid(node, (Messages.IsChinese ? "应为以下之一：" : "expected one of: ") + string.Join(", ", all));
        }

        // Branches that differ by type (a target is text, a number or an object): the first that fits decides. Branches
        // that only require one property or another (a target object needs a value, a deadline or a description) say
        // what the model's own check reports more precisely (PE1008).
        return first is null || Value(node, first);
    }

    private bool Object(JsonTree node, Schema schema)
    {
        node.Schema ??= schema;
        var ok = true;
        foreach (var p in node.Properties)
        {
            var child = Child(schema, p.Name);
            if (child is null)
            {
                if (schema.Closed)
                {
                    Report(DiagnosticCodes.UnknownProperty, p.Value.Path, p.NameLocation, ("name", p.Name), ("suggestion", Messages.DidYouMean(ObjectReader.Closest(p.Name, schema.Properties?.Keys ?? []))));
                    p.Value.Invalid = true;
                    ok = false;
                }

                continue;
            }

            // A property set to null counts as absent; an entry of a map keyed by id cannot be null.
            if (p.Value.Kind != JsonKind.Null || !(schema.Properties?.ContainsKey(p.Name) ?? false))
            {
                ok &= Value(p.Value, child);
            }
        }

        foreach (var name in schema.Required)
        {
            var value = node[name];
            if (value is null || value.Kind == JsonKind.Null)
            {
                Report(DiagnosticCodes.MissingProperty, JsonTree.ChildPath(node.Path, name), node.Location, ("name", name));
                ok = false;
            }
            else if (value.Kind == JsonKind.String && string.IsNullOrWhiteSpace(value.Text) && Child(schema, name)?.EffectiveTypes == JsonTypes.String)
            {
                ok &= Invalid(value, Messages.IsChinese ? "不能为空" : "it must not be empty");
            }
        }

        return ok;
    }

    /// <summary>
    /// The schema of a property: by name, by pattern, or the one for any other name. Only the schema's own keywords
    /// count: those of its <c>$ref</c> were applied when the reference was followed.
    /// </summary>
    private static Schema? Child(Schema s, string name)
    {
        if (s.Properties is not null && s.Properties.TryGetValue(name, out var byName))
        {
            return byName;
        }

        foreach (var (literal, prefix, regex, patternSchema) in s.PatternProperties)
        {
            if (regex is null ? (prefix ? name.StartsWith(literal, StringComparison.Ordinal) : name == literal) : regex.IsMatch(name))
            {
                return patternSchema;
            }
        }

        return s.Additional;
    }

    private bool Number(JsonTree node, Schema schema)
    {
        if (!Indicators.Notation.TryDecimal(node.Text!, out var d))
        {
            return Invalid(node, Messages.IsChinese ? "数值超出范围" : "the number is out of range");
        }

        if (schema.Types.HasFlag(JsonTypes.Integer) && !schema.Types.HasFlag(JsonTypes.Number) && d != decimal.Truncate(d))
        {
            return Invalid(node, Messages.IsChinese ? "应为整数" : "it must be a whole number");
        }

        var low = schema.Minimum ?? schema.ExclusiveMinimum;
        var high = schema.Maximum ?? schema.ExclusiveMaximum;
        if (d < schema.Minimum || d <= schema.ExclusiveMinimum || d > schema.Maximum || d >= schema.ExclusiveMaximum)
        {
            var from = low?.ToString(CultureInfo.InvariantCulture);
            var to = high?.ToString(CultureInfo.InvariantCulture);
            var (above, below) = (schema.ExclusiveMinimum is not null, schema.ExclusiveMaximum is not null);
            return Invalid(node, (low, high) switch
            {
                (not null, not null) when Messages.IsChinese => $"应在 {from}{(above ? "（不含）" : string.Empty)} 到 {to}{(below ? "（不含）" : string.Empty)} 之间",
                (not null, not null) => $"it must be between {from}{(above ? " (excluded)" : string.Empty)} and {to}{(below ? " (excluded)" : string.Empty)}",
                (not null, null) when Messages.IsChinese => above ? $"应大于 {from}" : $"不能小于 {from}",
                (not null, null) => above ? $"it must be above {from}" : $"it must not be below {from}",
                _ when Messages.IsChinese => below ? $"应小于 {to}" : $"不能大于 {to}",
                _ => below ? $"it must be below {to}" : $"it must not be above {to}",
            });
        }

        return true;
    }

    private static bool InEnum(string text, string[] values)
    {
        foreach (var v in values)
        {
            if (text == v)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Fits(JsonKind kind, JsonTypes types) => kind switch
    {
        JsonKind.Number => (types & (JsonTypes.Number | JsonTypes.Integer)) != 0,
        JsonKind.String => types.HasFlag(JsonTypes.String),
        JsonKind.True or JsonKind.False => types.HasFlag(JsonTypes.Boolean),
        JsonKind.Array => types.HasFlag(JsonTypes.Array),
        JsonKind.Object => types.HasFlag(JsonTypes.Object),
        _ => false,
    };

    /// <summary>The types in words, in the order messages use: "number, string or object".</summary>
    private static string Words(JsonTypes types)
    {
        var words = new List<string>();
        if ((types & (JsonTypes.Number | JsonTypes.Integer)) != 0)
        {
            words.Add("number");
        }

        foreach (var (flag, word) in (ReadOnlySpan<(JsonTypes, string)>)[(JsonTypes.String, "string"), (JsonTypes.Boolean, "boolean"), (JsonTypes.Array, "array"), (JsonTypes.Object, "object")])
        {
            if (types.HasFlag(flag))
            {
                words.Add(word);
            }
        }

        return words.Count == 1 ? words[0] : string.Join(", ", words[..^1]) + " or " + words[^1];
    }

    private bool WrongType(JsonTree node, JsonTypes expected)
    {
        Report(DiagnosticCodes.WrongType, node.Path, node.Location, ("expected", Messages.Word(Words(expected))), ("actual", Messages.Word(JsonTree.KindName(node.Kind))));
        node.Invalid = node.Faulty = true;
        return false;
    }

    private bool Invalid(JsonTree node, string reason)
    {
        Report(DiagnosticCodes.InvalidValue, node.Path, node.Location, ("value", node.Text), ("reason", reason));
        node.Invalid = node.Faulty = true;
        return false;
    }

    /// <summary>Reports once per code and path (a property checked through <c>$ref</c> and beside it is reported once).</summary>
    private void Report(string code, string path, SourceLocation? location, params (string Name, object? Value)[] arguments)
    {
        if ((_reported ??= []).Add((code, path)))
        {
            _diagnostics.Add(code, DiagnosticSeverity.Error, path, location, arguments);
        }
    }
}
