using System.Text.Json;
using FluentAssertions;

namespace PerfEval.Cli.Tests;

/// <summary>
/// A programme folder's own policy.json: it applies to a set that names no policy, unless --policy says otherwise; a set
/// that names its own policy keeps it. Precedence: the set's policy, then --policy, then policy.json, then mof-2020.
/// </summary>
public sealed class FolderPolicyTests : CommandTestBase
{
    private const string Province = """{ "name": "province-x", "extends": "mof-2020", "grades": [ { "min": 96, "code": "excellent", "label": "优秀" }, { "code": "other", "label": "其他" } ] }""";

    private readonly string _folder;

    public FolderPolicyTests()
        : base("perfeval-cli-folder-policy-")
    {
        _folder = Path.Combine(Temp, "programme");
        Directory.CreateDirectory(_folder);
        foreach (var file in Directory.GetFiles(Example))
        {
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(_folder, "policy.json"), Province);
    }

    private static JsonElement Policy(string output) => JsonDocument.Parse(output).RootElement.GetProperty("policy");

    [Fact]
    public void A_folders_policy_json_scores_a_set_that_names_no_policy()
    {
        var (exit, output, _) = Run("evaluate", _folder, "--format", "json");

        exit.Should().Be(0);
        Policy(output).GetString().Should().Be("province-x");
        JsonDocument.Parse(output).RootElement.GetProperty("grade").GetString().Should().Be("其他", "95.23 is below the folder policy's 96 for 优秀");
    }

    [Fact]
    public void The_policy_option_overrides_the_folders_policy_json()
    {
        var (exit, output, _) = Run("evaluate", _folder, "--policy", "regional-budget20", "--format", "json");

        exit.Should().Be(0);
        Policy(output).GetString().Should().Be("regional-budget20");
    }

    [Fact]
    public void A_set_that_names_its_own_policy_keeps_it_over_the_folders_policy_json_and_the_option()
    {
        var set = Path.Combine(_folder, "indicators.json");
        File.WriteAllText(set, File.ReadAllText(set).Replace("\"year\": 2025,", "\"year\": 2025, \"policy\": \"regional-inverse-ratio\",", StringComparison.Ordinal));

        Policy(Run("evaluate", _folder, "--format", "json").Output).GetString().Should().Be("regional-inverse-ratio");
        Policy(Run("evaluate", _folder, "--policy", "regional-budget20", "--format", "json").Output).GetString().Should().Be("regional-inverse-ratio");
    }

    [Fact]
    public void The_report_and_audit_commands_use_the_folders_policy_json_too()
    {
        var (reportExit, report, _) = Run("report", _folder, "--format", "json");
        var (_, audit, _) = Run("audit", _folder, "--format", "json");

        reportExit.Should().Be(0);
        Policy(report).GetString().Should().Be("province-x");
        audit.Should().Contain("province-x");
    }

    [Fact]
    public void A_broken_policy_json_is_reported_with_its_file_and_line_and_nothing_is_evaluated()
    {
        File.WriteAllText(Path.Combine(_folder, "policy.json"), "{ \"extends\": \"mof-2020\",\n  \"budgetWeight\": \"ten\" }");

        var (exit, output, error) = Run("evaluate", _folder);

        exit.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().Contain("policy.json(2,").And.Contain("PE1003");
    }
}
