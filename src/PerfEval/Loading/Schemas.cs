using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PerfEval.Loading;

/// <summary>The schemas of the file formats, compiled once from the copies embedded in the assembly.</summary>
internal static class Schemas
{
    public const string IndicatorSetFile = "indicator-set.schema.json";
    public const string ActualsFile = "actuals.schema.json";
    public const string PolicyFile = "policy.schema.json";
    public const string RuleTemplateFile = "rule-template.schema.json";
    public const string TargetChecklistFile = "target-checklist.schema.json";

    private static readonly Lazy<Dictionary<string, Schema>> Compiled = new(Compile, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Schema IndicatorSet => Compiled.Value[IndicatorSetFile + "#"];

    public static Schema Actuals => Compiled.Value[ActualsFile + "#"];

    public static Schema Policy => Compiled.Value[PolicyFile + "#"];

    public static Schema RuleTemplate => Compiled.Value[RuleTemplateFile + "#"];

    public static Schema TargetChecklist => Compiled.Value[TargetChecklistFile + "#"];

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
        foreach (var file in (string[])[IndicatorSetFile, ActualsFile, PolicyFile, RuleTemplateFile, TargetChecklistFile])
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
