using System.Text.Json;
using FluentAssertions;
using PerfEval.Loading;

namespace PerfEval.Tests.Schema;

/// <summary>The rule files in rules/ validate against the schemas, and the library reads them too.</summary>
public sealed class RulesFilesTests
{
    public static TheoryData<string> IndicatorSetFiles => Find(PerfEvalJson.IndicatorSetFileName);

    public static TheoryData<string> ActualsFiles => Find(PerfEvalJson.ActualsFileName);

    [Fact]
    public void The_example_indicator_set_validates_against_the_indicator_set_schema()
    {
        var json = File.ReadAllText(Example(PerfEvalJson.IndicatorSetFileName));

        SchemaFiles.Errors(SchemaFiles.IndicatorSet, json).Should().BeEmpty();
    }

    [Fact]
    public void The_example_actuals_validate_against_the_actuals_schema()
    {
        var json = File.ReadAllText(Example(PerfEvalJson.ActualsFileName));

        SchemaFiles.Errors(SchemaFiles.Actuals, json).Should().BeEmpty();
    }

    [Fact]
    public void The_example_files_do_not_validate_against_each_others_schema()
    {
        SchemaFiles.IsValid(SchemaFiles.Actuals, File.ReadAllText(Example(PerfEvalJson.IndicatorSetFileName))).Should().BeFalse();
        SchemaFiles.IsValid(SchemaFiles.IndicatorSet, File.ReadAllText(Example(PerfEvalJson.ActualsFileName))).Should().BeFalse();
    }

    [Fact]
    public void The_rules_folder_holds_at_least_the_example_files()
    {
        IndicatorSetFiles.Should().NotBeEmpty();
        ActualsFiles.Should().NotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(IndicatorSetFiles))]
    public void Every_indicator_set_under_rules_validates_and_is_read_by_the_library(string relativePath)
    {
        var path = Full(relativePath);
        var json = File.ReadAllText(path);

        SchemaFiles.Errors(SchemaFiles.IndicatorSet, json).Should().BeEmpty();
        PerfEvalJson.ReadIndicatorSetFile(path).Succeeded.Should().BeTrue();
        SchemaReference(path, json).Should().BeNull("the file must name the indicator-set schema, or no schema at all");
    }

    [Theory]
    [MemberData(nameof(ActualsFiles))]
    public void Every_actuals_file_under_rules_validates_and_is_read_by_the_library(string relativePath)
    {
        var path = Full(relativePath);
        var json = File.ReadAllText(path);

        SchemaFiles.Errors(SchemaFiles.Actuals, json).Should().BeEmpty();
        PerfEvalJson.ReadActualsFile(path).Succeeded.Should().BeTrue();
        SchemaReference(path, json).Should().BeNull("the file must name the actuals schema, or no schema at all");
    }

    /// <summary>A problem with the file's "$schema" reference, or null when it points at the right schema file (or is absent).</summary>
    private static string? SchemaReference(string path, string json)
    {
        var root = SchemaFiles.Element(json);
        if (!root.TryGetProperty("$schema", out var reference))
        {
            return null;
        }

        if (reference.ValueKind != JsonValueKind.String || reference.GetString() is not { Length: > 0 } value)
        {
            return "\"$schema\" is not a string";
        }

        var expected = Path.GetFileName(path) == PerfEvalJson.IndicatorSetFileName ? SchemaFiles.IndicatorSetFile : SchemaFiles.ActualsFile;
        var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, value));
        return target == Path.GetFullPath(Path.Combine(SchemaFiles.SchemaFolder, expected)) ? null : $"\"$schema\" points at {value}, not at rules/schema/{expected}";
    }

    private static string Example(string fileName) => Path.Combine(SchemaFiles.RulesFolder, "examples", "zalantun-employment-2025", fileName);

    private static string Full(string relativePath) => Path.Combine(Golden.SeedExample.RepositoryRoot(), relativePath);

    private static TheoryData<string> Find(string fileName)
    {
        var root = Golden.SeedExample.RepositoryRoot();
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(SchemaFiles.RulesFolder, fileName, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
        }

        return data;
    }
}
