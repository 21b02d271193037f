using System.Text.Json;
using Json.Schema;
using PerfEval.Tests.Golden;

namespace PerfEval.Tests.Schema;

/// <summary>Loads the JSON Schemas in rules/schema once and validates documents against them.</summary>
internal static class SchemaFiles
{
    public const string IndicatorSetFile = "indicator-set.schema.json";

    public const string ActualsFile = "actuals.schema.json";

    public const string PolicyFile = "policy.schema.json";

    public const string RuleTemplateFile = "rule-template.schema.json";

    /// <summary>Every schema file, those that others refer to first.</summary>
    public static readonly IReadOnlyList<string> All = [PolicyFile, RuleTemplateFile, IndicatorSetFile, ActualsFile];

    /// <summary>How PerfEval reads JSON: comments and trailing commas are accepted.</summary>
    public static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>
    /// The schemas, built once and in order: a schema's relative references (indicator-set.schema.json refers to
    /// policy.schema.json and rule-template.schema.json) are resolved when it is built, against the schemas built before.
    /// </summary>
    private static readonly Lazy<IReadOnlyDictionary<string, JsonSchema>> Schemas = new(() =>
    {
        var options = new BuildOptions();
        return All.ToDictionary(file => file, file => Load(file, options), StringComparer.Ordinal);
    });

    /// <summary>Where the schemas are taken to be read from: a folder URI in the reserved .invalid domain, never fetched.</summary>
    private static readonly Uri SchemaBase = new("https://perfeval.invalid/rules/schema/");

    public static string RulesFolder => Path.Combine(SeedExample.RepositoryRoot(), "rules");

    public static string SchemaFolder => Path.Combine(RulesFolder, "schema");

    public static JsonSchema IndicatorSet => For(IndicatorSetFile);

    public static JsonSchema Actuals => For(ActualsFile);

    public static JsonSchema Policy => For(PolicyFile);

    public static JsonSchema RuleTemplate => For(RuleTemplateFile);

    public static JsonSchema For(string schemaFile) => Schemas.Value[schemaFile];

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

    /// <summary>
    /// Builds a schema as if read from a folder of schema files. The schemas' "$id"s are relative (their file names), so a
    /// reference such as policy.schema.json#/$defs/policy resolves to the file next to the referring one, offline. The base
    /// is an http URI that is never fetched: JsonSchema.Net 8.0.5 resolves relative references against a file:// base
    /// wrongly (it escapes the '#').
    /// </summary>
    private static JsonSchema Load(string schemaFile, BuildOptions options) =>
        JsonSchema.FromText(Text(schemaFile), options, new Uri(SchemaBase, schemaFile));
}
