using System.Text.Json;
using Json.Schema;
using PerfEval.Tests.Golden;

namespace PerfEval.Tests.Schema;

/// <summary>Loads the two JSON Schemas in rules/schema once and validates documents against them.</summary>
internal static class SchemaFiles
{
    public const string IndicatorSetFile = "indicator-set.schema.json";

    public const string ActualsFile = "actuals.schema.json";

    /// <summary>How PerfEval reads JSON: comments and trailing commas are accepted.</summary>
    public static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly Lazy<JsonSchema> IndicatorSetSchema = new(() => Load(IndicatorSetFile));

    private static readonly Lazy<JsonSchema> ActualsSchema = new(() => Load(ActualsFile));

    public static string RulesFolder => Path.Combine(SeedExample.RepositoryRoot(), "rules");

    public static string SchemaFolder => Path.Combine(RulesFolder, "schema");

    public static JsonSchema IndicatorSet => IndicatorSetSchema.Value;

    public static JsonSchema Actuals => ActualsSchema.Value;

    public static string Text(string schemaFile) => File.ReadAllText(Path.Combine(SchemaFolder, schemaFile));

    public static JsonElement Element(string json)
    {
        using var document = JsonDocument.Parse(json, DocumentOptions);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// The errors of <paramref name="json"/> against <paramref name="schema"/>, one "location (keyword): message" each; empty when
    /// valid. Only failing branches are followed, and the conditions of if/then are left out, so the list names what is wrong.
    /// </summary>
    public static IReadOnlyList<string> Errors(JsonSchema schema, string json)
    {
        var results = schema.Evaluate(Element(json), new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        if (results.IsValid)
        {
            return [];
        }

        var errors = new List<string>();
        Collect(results, errors);
        return errors.Count > 0 ? errors : ["(invalid, no message)"];
    }

    public static bool IsValid(JsonSchema schema, string json) =>
        schema.Evaluate(Element(json), new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid;

    private static void Collect(EvaluationResults results, List<string> errors)
    {
        if (results.IsValid || results.EvaluationPath.ToString().EndsWith("/if", StringComparison.Ordinal))
        {
            return;
        }

        if (results.Errors is { } own)
        {
            foreach (var (keyword, message) in own)
            {
                errors.Add($"{results.InstanceLocation} ({keyword}): {message}");
            }
        }

        if (results.Details is { } details)
        {
            foreach (var detail in details)
            {
                Collect(detail, errors);
            }
        }
    }

    private static JsonSchema Load(string schemaFile) =>
        JsonSchema.FromText(Text(schemaFile), new BuildOptions());
}
