using FluentAssertions;
using PerfEval.Evaluation;
using PerfEval.Loading;
using PerfEval.Scoring;

namespace PerfEval.Tests.Policies;

/// <summary>
/// A programme folder's policy.json, read by <see cref="PerfEvalJson.ReadProgrammeFolder"/>: the set's own policy comes
/// first, then the folder's, then the evaluator's.
/// </summary>
public sealed class FolderPolicyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("perfeval-folder-policy-").FullName;

    public FolderPolicyTests()
    {
        foreach (var file in Directory.GetFiles(Testing.Repository.SeedExample()))
        {
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void WritePolicy(string json) => File.WriteAllText(Path.Combine(_folder, PerfEvalJson.PolicyFileName), json);

    [Fact]
    public void A_folders_policy_json_comes_before_the_evaluators_policy_for_a_set_that_names_none()
    {
        WritePolicy("""{ "name": "league", "extends": "regional-budget20" }""");

        var programme = PerfEvalJson.ReadProgrammeFolder(_folder).GetValueOrThrow();
        var result = new Evaluator(new PerfEvalOptions { Policy = PolicyCatalog.BuiltIn.ByName["regional-inverse-ratio"] }).Evaluate(programme);

        result.Policy.Should().Be("league");
        result.Budget.Weight.Should().Be(20m, "the folder's policy extends regional-budget20");
    }

    [Fact]
    public void A_set_that_names_its_own_policy_keeps_it_over_the_folders_policy_json()
    {
        WritePolicy("""{ "name": "league", "extends": "regional-budget20" }""");
        var set = Path.Combine(_folder, PerfEvalJson.IndicatorSetFileName);
        File.WriteAllText(set, File.ReadAllText(set).Replace("\"year\": 2025,", "\"year\": 2025, \"policy\": \"regional-inverse-ratio\",", StringComparison.Ordinal));

        new Evaluator().Evaluate(PerfEvalJson.ReadProgrammeFolder(_folder).GetValueOrThrow()).Policy.Should().Be("regional-inverse-ratio");
    }

    [Fact]
    public void Without_policy_json_the_folder_reads_as_its_two_files()
    {
        var folder = PerfEvalJson.ReadProgrammeFolder(_folder).GetValueOrThrow();

        new Evaluator().Evaluate(folder).Policy.Should().Be(ScoringPolicy.Mof2020.Name);
        folder.IndicatorSet.PolicyName.Should().BeNull();
    }

    [Fact]
    public void A_policy_json_that_breaks_the_policy_rules_fails_the_folder_with_its_location()
    {
        WritePolicy("""{ "extends": "mof-2020", "levelPoints": { "output": 80 } }""");

        var load = PerfEvalJson.ReadProgrammeFolder(_folder);

        load.Succeeded.Should().BeFalse();
        load.Diagnostics.Should().Contain(d => d.Location!.Source!.EndsWith(PerfEvalJson.PolicyFileName, StringComparison.Ordinal) && d.Severity == Diagnostics.DiagnosticSeverity.Error);
    }
}
