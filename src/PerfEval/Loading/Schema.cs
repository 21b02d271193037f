using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace PerfEval.Loading;

/// <summary>
/// One schema of rules/schema/*.json, compiled from the keywords that describe a document's structure: <c>type</c>,
/// <c>properties</c>, <c>patternProperties</c>, <c>additionalProperties</c>, <c>required</c>, <c>enum</c>,
/// <c>minimum</c>, <c>maximum</c>, <c>exclusiveMinimum</c>, <c>exclusiveMaximum</c>, <c>items</c>, <c>anyOf</c> and
/// <c>$ref</c> (within a file and to the file next to it). The other keywords of the files (<c>if</c>/<c>then</c>,
/// <c>dependentRequired</c>, <c>contains</c>, <c>minItems</c>, string lengths and patterns) describe what the model's
/// own checks report under their specific codes (PE1008, PE1009, PE1012, PE1014, PE1015) and are left to them.
/// </summary>
internal sealed class Schema
{
    public required string Pointer { get; init; }

    public JsonTypes Types { get; set; }

    public FrozenDictionary<string, Schema>? Properties { get; set; }

    public (string Literal, bool Prefix, Regex? Pattern, Schema Schema)[] PatternProperties { get; set; } = [];

    public bool Closed { get; set; }

    public Schema? Additional { get; set; }

    public string[] Required { get; set; } = [];

    public Schema? Items { get; set; }

    public string[]? Enum { get; set; }

    public decimal? Minimum { get; set; }

    public decimal? Maximum { get; set; }

    public decimal? ExclusiveMinimum { get; set; }

    public decimal? ExclusiveMaximum { get; set; }

    public Schema[]? AnyOf { get; set; }

    public Schema? Ref { get; set; }

    /// <summary>The types this schema allows, following <c>$ref</c> and <c>anyOf</c>; an enum of strings allows strings.</summary>
    public JsonTypes EffectiveTypes => _effectiveTypes is var known and not 0 ? (JsonTypes)(known & ~Known) : WorkOutEffectiveTypes();

    /// <summary>The enum values of a schema made only of enums (directly, through <c>$ref</c> or as <c>anyOf</c> branches).</summary>
    public string[]? EnumValues => _enumValues ?? WorkOutEnumValues();

    /// <summary>Whether <see cref="EnumValues"/> has any (a schema that is not an enum has none).</summary>
    public bool IsEnum => EnumValues!.Length > 0;

    // Read for every value checked: a small getter the JIT inlines, and the working out apart. One int holds the
    // types and whether they are known, so that a thread never sees one without the other.
    private const int Known = 1 << 30;
    private int _effectiveTypes;
    private string[]? _enumValues;
    private FrozenDictionary<string, Member>? _members;

    private string[] WorkOutEnumValues() => _enumValues = (Enum ?? (Types == JsonTypes.None && Ref is not null && Properties is null ? Ref.EnumValues
        : Types == JsonTypes.None && AnyOf is not null && AnyOf.All(a => a.IsEnum) ? [.. AnyOf.SelectMany(a => a.EnumValues!).Distinct(StringComparer.Ordinal)] : null)) ?? [];

    private JsonTypes WorkOutEffectiveTypes()
    {
        var types = Types != JsonTypes.None ? Types
            : Ref is not null ? Ref.EffectiveTypes
            : AnyOf is not null ? (AnyOf.Any(a => a.EffectiveTypes == JsonTypes.None) ? JsonTypes.None : AnyOf.Aggregate(JsonTypes.None, (t, a) => t | a.EffectiveTypes))
            : Enum is not null ? JsonTypes.String
            : JsonTypes.None;
        _effectiveTypes = (int)types | Known;
        return types;
    }

    /// <summary>
    /// The names this schema knows, compiled into one table for the checker: for each name declared in
    /// <see cref="Properties"/> or listed in <see cref="Required"/>, its schema (when declared) and its place in
    /// <see cref="Required"/> (-1 when it is not required). Built the first time it is needed.
    /// </summary>
    public FrozenDictionary<string, Member> Members => _members ??= BuildMembers();

    private FrozenDictionary<string, Member> BuildMembers()
    {
        var members = new Dictionary<string, Member>(StringComparer.Ordinal);
        foreach (var (name, schema) in Properties ?? FrozenDictionary<string, Schema>.Empty)
        {
            members[name] = new Member(schema, -1);
        }

        for (var i = 0; i < Required.Length; i++)
        {
            members[Required[i]] = new Member(members.TryGetValue(Required[i], out var declared) ? declared.Declared : null, i);
        }

        return members.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>A name of <see cref="Members"/>: its schema when <see cref="Properties"/> declares it, and its index in <see cref="Required"/> or -1.</summary>
    internal readonly record struct Member(Schema? Declared, int RequiredIndex);

    /// <summary>Whether an object of this schema may have the property (by <c>properties</c>, also through <c>$ref</c>).</summary>
    public bool Declares(string name) => (Properties?.ContainsKey(name) ?? false) || (Ref?.Declares(name) ?? false);

    public override string ToString() => Pointer;
}
