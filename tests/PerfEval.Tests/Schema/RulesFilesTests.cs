using System.Text.Json;
using FluentAssertions;
using PerfEval.Loading;

namespace PerfEval.Tests.Schema;

/// <summary>The rule files in rules/ validate against the schemas, and the library reads them too.</summary>
public sealed class RulesFilesTests
{
    public static TheoryData<string> IndicatorSetFiles => Find(PerfEvalJson.IndicatorSetFileName);

    public static TheoryData<string> ActualsFiles => Find(PerfEvalJson.ActualsFileName);

    public static TheoryData<string> PolicyFiles => Find("*.json", "policies");

    public static TheoryData<string> RuleTemplateFiles => Find("*.json", "templates");

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
        PolicyFiles.Should().NotBeEmpty();
        RuleTemplateFiles.Should().NotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(IndicatorSetFiles))]
    public void Every_indicator_set_under_rules_validates_and_is_read_by_the_library(string relativePath)
    {
        var path = Full(relativePath);
        var json = File.ReadAllText(path);

        SchemaFiles.Errors(SchemaFiles.IndicatorSet, json).Should().BeEmpty();
        PerfEvalJson.ReadIndicatorSetFile(path).Succeeded.Should().BeTrue();
        SchemaReference(path, json, SchemaFiles.IndicatorSetFile).Should().BeNull("the file must name the indicator-set schema, or no schema at all");
    }

    [Theory]
    [MemberData(nameof(ActualsFiles))]
    public void Every_actuals_file_under_rules_validates_and_is_read_by_the_library(string relativePath)
    {
        var path = Full(relativePath);
        var json = File.ReadAllText(path);

        SchemaFiles.Errors(SchemaFiles.Actuals, json).Should().BeEmpty();
        PerfEvalJson.ReadActualsFile(path).Succeeded.Should().BeTrue();
        SchemaReference(path, json, SchemaFiles.ActualsFile).Should().BeNull("the file must name the actuals schema, or no schema at all");
    }

    [Theory]
    [MemberData(nameof(PolicyFiles))]
    public void Every_policy_file_under_rules_validates_and_is_read_by_the_library(string relativePath)
    {
        var path = Full(relativePath);
        var json = File.ReadAllText(path);

        SchemaFiles.Errors(SchemaFiles.Policy, json).Should().BeEmpty();
        var read = PerfEvalJson.ReadScoringPolicyFile(path, null);
        read.Diagnostics.Should().BeEmpty();
        read.Value!.Name.Should().Be(Path.GetFileNameWithoutExtension(path), "a policy file is named after its policy");
        SchemaReference(path, json, SchemaFiles.PolicyFile).Should().BeNull("the file must name the policy schema, or no schema at all");
    }

    [Theory]
    [MemberData(nameof(RuleTemplateFiles))]
    public void Every_rule_template_under_rules_validates_and_is_read_by_the_library(string relativePath)
    {
        var path = Full(relativePath);
        var json = File.ReadAllText(path);

        SchemaFiles.Errors(SchemaFiles.RuleTemplate, json).Should().BeEmpty();
        var read = PerfEvalJson.ReadRuleTemplateFile(path);
        read.Diagnostics.Should().BeEmpty();
        read.Value!.Id.Should().Be(Path.GetFileNameWithoutExtension(path), "a template file is named after its id");
        SchemaReference(path, json, SchemaFiles.RuleTemplateFile).Should().BeNull("the file must name the rule-template schema, or no schema at all");
    }

    [Fact]
    public void The_policy_and_template_files_do_not_validate_against_each_others_schema()
    {
        foreach (var policy in Files("*.json", "policies"))
        {
            SchemaFiles.IsValid(SchemaFiles.RuleTemplate, File.ReadAllText(Full(policy))).Should().BeFalse(policy);
            SchemaFiles.IsValid(SchemaFiles.IndicatorSet, File.ReadAllText(Full(policy))).Should().BeFalse(policy);
        }

        foreach (var template in Files("*.json", "templates"))
        {
            SchemaFiles.IsValid(SchemaFiles.Policy, File.ReadAllText(Full(template))).Should().BeFalse(template);
            SchemaFiles.IsValid(SchemaFiles.IndicatorSet, File.ReadAllText(Full(template))).Should().BeFalse(template);
        }
    }

    /// <summary>A problem with the file's "$schema" reference, or null when it points at the right schema file (or is absent).</summary>
    private static string? SchemaReference(string path, string json, string expected)
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

        var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, value));
        return target == Path.GetFullPath(Path.Combine(SchemaFiles.SchemaFolder, expected)) ? null : $"\"$schema\" points at {value}, not at rules/schema/{expected}";
    }

    private static string Example(string fileName) => Path.Combine(SchemaFiles.RulesFolder, "examples", "zalantun-employment-2025", fileName);

    private static string Full(string relativePath) => Path.Combine(Golden.SeedExample.RepositoryRoot(), relativePath);

    private static TheoryData<string> Find(string pattern, string? folder = null)
    {
        var data = new TheoryData<string>();
        foreach (var file in Files(pattern, folder))
        {
            data.Add(file);
        }

        return data;
    }

    /// <summary>The files named <paramref name="pattern"/> anywhere under rules/, or directly in rules/<paramref name="folder"/>, relative to the repository.</summary>
    private static List<string> Files(string pattern, string? folder = null)
    {
        var root = Golden.SeedExample.RepositoryRoot();
        var files = folder is null
            ? Directory.EnumerateFiles(SchemaFiles.RulesFolder, pattern, SearchOption.AllDirectories)
            : Directory.EnumerateFiles(Path.Combine(SchemaFiles.RulesFolder, folder), pattern, SearchOption.TopDirectoryOnly);
        return files.Order(StringComparer.Ordinal).Select(file => Path.GetRelativePath(root, file).Replace('\\', '/')).ToList();
    }
}
