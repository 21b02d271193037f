using System.Text.Json.Nodes;
using FluentAssertions;
using Json.Schema;
using PerfEval.Audit;
using PerfEval.Evaluation;
using PerfEval.Loading;
using PerfEval.Tests.Golden;
using PerfEval.Tests.Schema;

namespace PerfEval.Tests.Audit;

/// <summary>The audit JSON (docs/audit-json.md) follows its schema, docs/audit.schema.json, for real audits.</summary>
public sealed class AuditJsonSchemaTests(SeedExample seed) : IClassFixture<SeedExample>
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(
            File.ReadAllText(Path.Combine(SeedExample.RepositoryRoot(), "docs", "audit.schema.json")), new BuildOptions(), new Uri("https://perfeval.invalid/docs/audit.schema.json")));

    private string SeedAuditJson => AuditJson.ToJson(Auditor.Audit(seed.Result, seed.Load.Value!.Actuals));

    [Fact]
    public void The_audit_of_the_example_programme_follows_the_schema()
    {
        SchemaFiles.Errors(Schema.Value, SeedAuditJson).Should().BeEmpty();
    }

    [Fact]
    public void An_audit_of_documents_built_in_code_whose_findings_have_no_location_follows_the_schema()
    {
        var load = seed.Load.Value!;
        var actuals = load.Actuals with { Locations = Diagnostics.SourceMap.Empty };
        var audit = Auditor.Audit(new Evaluator().Evaluate(load.IndicatorSet, actuals), actuals);

        audit.Findings.Should().Contain(f => f.Location == null);
        SchemaFiles.Errors(Schema.Value, AuditJson.ToJson(audit)).Should().BeEmpty();
    }

    [Fact]
    public void Audits_of_several_programmes_as_an_array_follow_the_schema()
    {
        var other = PerfEvalJson.ReadProgrammeFolder(seed.Folder).GetValueOrThrow();
        var json = new JsonArray(JsonNode.Parse(SeedAuditJson), JsonNode.Parse(AuditJson.ToJson(Auditor.Audit(new Evaluator().Evaluate(other), other.Actuals))));

        SchemaFiles.Errors(Schema.Value, json.ToJsonString()).Should().BeEmpty();
    }

    [Theory]
    [InlineData("hasErrors")]
    [InlineData("comparisons")]
    public void The_schema_refuses_an_audit_without_a_required_field(string field)
    {
        var json = JsonNode.Parse(SeedAuditJson)!.AsObject();
        json.Remove(field);

        SchemaFiles.IsValid(Schema.Value, json.ToJsonString()).Should().BeFalse();
    }

    [Fact]
    public void The_schema_refuses_a_field_it_does_not_document()
    {
        var json = JsonNode.Parse(SeedAuditJson)!.AsObject();
        json["comparisons"]![0]!.AsObject()["extra"] = 1;

        SchemaFiles.IsValid(Schema.Value, json.ToJsonString()).Should().BeFalse();
    }
}
