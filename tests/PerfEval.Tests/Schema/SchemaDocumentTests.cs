using System.Text.Json;
using FluentAssertions;
using Json.Schema;

namespace PerfEval.Tests.Schema;

/// <summary>The schema files themselves: valid 2020-12 schemas, identified, and described for rule authors.</summary>
public sealed class SchemaDocumentTests
{
    private static readonly string[] PropertyKeywords = ["properties", "patternProperties"];

    public static TheoryData<string> SchemaFileNames => new(SchemaFiles.All);

    [Theory]
    [MemberData(nameof(SchemaFileNames))]
    public void Each_schema_is_itself_a_valid_draft_2020_12_schema(string schemaFile)
    {
        var text = SchemaFiles.Text(schemaFile);
        var results = MetaSchemas.Draft202012.Evaluate(SchemaFiles.Element(text), new EvaluationOptions { OutputFormat = OutputFormat.List });

        results.IsValid.Should().BeTrue();
        SchemaFiles.Element(text).GetProperty("$schema").GetString().Should().Be("https://json-schema.org/draft/2020-12/schema");
        SchemaFiles.For(schemaFile).Should().NotBeNull("the schema builds for validation");
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
            foreach (var keyword in PropertyKeywords)
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

    [Theory]
    [MemberData(nameof(SchemaFileNames))]
    public void Each_schema_is_identified_by_its_file_name_so_that_references_between_them_resolve_next_to_the_file(string schemaFile)
    {
        SchemaFiles.Element(SchemaFiles.Text(schemaFile)).GetProperty("$id").GetString().Should().Be(schemaFile);
    }

    [Theory]
    [MemberData(nameof(SchemaFileNames))]
    public void Every_reference_of_each_schema_points_at_a_definition_that_exists(string schemaFile)
    {
        var root = SchemaFiles.Element(SchemaFiles.Text(schemaFile));
        var broken = new List<string>();
        Walk(root, "#", (node, pointer) =>
        {
            if (node.TryGetProperty("$ref", out var reference) && Resolve(schemaFile, reference.GetString()!) is null)
            {
                broken.Add($"{pointer}: {reference.GetString()}");
            }
        });

        broken.Should().BeEmpty();
    }

    [Fact]
    public void The_schemas_refer_to_each_other_only_by_file_name()
    {
        var references = new List<string>();
        foreach (var schemaFile in SchemaFiles.All)
        {
            Walk(SchemaFiles.Element(SchemaFiles.Text(schemaFile)), "#", (node, _) =>
            {
                if (node.TryGetProperty("$ref", out var reference) && !reference.GetString()!.StartsWith('#'))
                {
                    references.Add($"{schemaFile} → {reference.GetString()}");
                }
            });
        }

        references.Should().NotBeEmpty("the indicator-set schema reuses the policy and rule definitions")
            .And.OnlyContain(r => SchemaFiles.All.Any(file => r.Contains($"→ {file}#/$defs/", StringComparison.Ordinal)));
    }

    /// <summary>Whether a schema has a description of its own or gets one through "$ref" (in its file or in the file next to it).</summary>
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

        if (!schema.TryGetProperty("$ref", out var r) || r.GetString() is not { } reference)
        {
            return false;
        }

        if (reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return Resolve(root, reference) is { } local && HasDescription(root, local);
        }

        var file = reference.Split('#')[0];
        return SchemaFiles.All.Contains(file) && Resolve(file, reference) is { } target
            && HasDescription(SchemaFiles.Element(SchemaFiles.Text(file)), target);
    }

    /// <summary>The target of a reference made in <paramref name="schemaFile"/>: "#/…" in that file, or "other.schema.json#/…" in the file next to it.</summary>
    private static JsonElement? Resolve(string schemaFile, string reference)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var file = hash <= 0 ? (hash == 0 ? schemaFile : reference) : reference[..hash];
        if (!SchemaFiles.All.Contains(file))
        {
            return null;
        }

        var root = SchemaFiles.Element(SchemaFiles.Text(file));
        return hash < 0 || reference.Length == hash + 1 ? root : Resolve(root, "#" + reference[(hash + 1)..]);
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
