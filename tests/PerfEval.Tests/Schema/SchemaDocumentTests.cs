using System.Text.Json;
using FluentAssertions;
using Json.Schema;

namespace PerfEval.Tests.Schema;

/// <summary>The schema files themselves: valid 2020-12 schemas, identified, and described for rule authors.</summary>
public sealed class SchemaDocumentTests
{
    public static TheoryData<string> SchemaFileNames => new() { SchemaFiles.IndicatorSetFile, SchemaFiles.ActualsFile };

    [Theory]
    [MemberData(nameof(SchemaFileNames))]
    public void Each_schema_is_itself_a_valid_draft_2020_12_schema(string schemaFile)
    {
        var text = SchemaFiles.Text(schemaFile);
        var results = MetaSchemas.Draft202012.Evaluate(SchemaFiles.Element(text), new EvaluationOptions { OutputFormat = OutputFormat.List });

        results.IsValid.Should().BeTrue();
        SchemaFiles.Element(text).GetProperty("$schema").GetString().Should().Be("https://json-schema.org/draft/2020-12/schema");
        (schemaFile == SchemaFiles.IndicatorSetFile ? SchemaFiles.IndicatorSet : SchemaFiles.Actuals).Should().NotBeNull("the schema builds for validation");
    }

    [Theory]
    [MemberData(nameof(SchemaFileNames))]
    public void Each_schema_has_an_id_a_title_and_a_description(string schemaFile)
    {
        var root = SchemaFiles.Element(SchemaFiles.Text(schemaFile));

        foreach (var keyword in new[] { "$id", "title", "description" })
        {
            root.TryGetProperty(keyword, out var value).Should().BeTrue($"the schema needs {keyword}");
            value.GetString().Should().NotBeNullOrWhiteSpace();
        }
    }

    [Theory]
    [MemberData(nameof(SchemaFileNames))]
    public void Every_property_of_each_schema_has_a_description(string schemaFile)
    {
        var root = SchemaFiles.Element(SchemaFiles.Text(schemaFile));
        var missing = new List<string>();
        Walk(root, "#", (node, pointer) =>
        {
            foreach (var keyword in new[] { "properties", "patternProperties" })
            {
                if (!node.TryGetProperty(keyword, out var properties) || properties.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                foreach (var property in properties.EnumerateObject())
                {
                    if (!HasDescription(root, property.Value))
                    {
                        missing.Add($"{pointer}/{keyword}/{property.Name}");
                    }
                }
            }
        });

        missing.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(SchemaFileNames))]
    public void Every_object_with_listed_properties_rejects_unknown_ones(string schemaFile)
    {
        var root = SchemaFiles.Element(SchemaFiles.Text(schemaFile));
        var open = new List<string>();
        Walk(root, "#", (node, pointer) =>
        {
            if (node.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "object"
                && node.TryGetProperty("properties", out _)
                && !(node.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False))
            {
                open.Add(pointer);
            }
        });

        open.Should().BeEmpty();
    }

    private static bool HasDescription(JsonElement root, JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (schema.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(d.GetString()))
        {
            return true;
        }

        return schema.TryGetProperty("$ref", out var r) && r.GetString() is { } reference && reference.StartsWith("#/", StringComparison.Ordinal)
            && Resolve(root, reference) is { } target && HasDescription(root, target);
    }

    private static JsonElement? Resolve(JsonElement root, string reference)
    {
        var node = root;
        foreach (var segment in reference[2..].Split('/'))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(name, out node))
            {
                return null;
            }
        }

        return node;
    }

    private static void Walk(JsonElement node, string pointer, Action<JsonElement, string> visit)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Object:
                visit(node, pointer);
                foreach (var property in node.EnumerateObject())
                {
                    Walk(property.Value, $"{pointer}/{property.Name}", visit);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in node.EnumerateArray())
                {
                    Walk(item, $"{pointer}/{index++}", visit);
                }

                break;
        }
    }
}
