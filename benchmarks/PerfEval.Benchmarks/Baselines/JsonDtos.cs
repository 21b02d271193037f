using System.Text.Json;
using System.Text.Json.Serialization;

namespace PerfEval.Benchmarks.Baselines;

/// <summary>
/// Plain System.Text.Json data-transfer classes for indicators.json and actuals.json: what a programmer would
/// deserialize into before writing their own evaluator. Values that take several JSON shapes (a target as text or
/// as an object, an actual as a number, as text or as an object) get a small converter each.
/// </summary>
public static class Dto
{
    /// <summary>The options every benchmark deserializes with (camelCase names, unknown properties skipped).</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new TargetConverter(), new ValueConverter(), new IndicatorActualConverter() },
    };

    /// <summary>The same options with System.Text.Json's source-generated metadata (<see cref="DtoContext"/>) instead of reflection.</summary>
    public static JsonSerializerOptions GeneratedOptions { get; } = new(Options) { TypeInfoResolver = DtoContext.Default };

    /// <summary>The set with source-generated metadata.</summary>
    public static IndicatorSetDto ReadIndicatorSetGenerated(string json) =>
        JsonSerializer.Deserialize<IndicatorSetDto>(json, GeneratedOptions) ?? throw new JsonException("empty indicator set");

    /// <summary>The actuals with source-generated metadata.</summary>
    public static ActualsDto ReadActualsGenerated(string json) =>
        JsonSerializer.Deserialize<ActualsDto>(json, GeneratedOptions) ?? throw new JsonException("empty actuals");

    public static IndicatorSetDto ReadIndicatorSet(string json) =>
        JsonSerializer.Deserialize<IndicatorSetDto>(json, Options) ?? throw new JsonException("empty indicator set");

    public static ActualsDto ReadActuals(string json) =>
        JsonSerializer.Deserialize<ActualsDto>(json, Options) ?? throw new JsonException("empty actuals");
}

/// <summary>System.Text.Json source generation for the DTOs (the converters above still handle the values of several shapes).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(IndicatorSetDto))]
[JsonSerializable(typeof(ActualsDto))]
[JsonSerializable(typeof(TargetObjectDto))]
[JsonSerializable(typeof(IndicatorActualObjectDto))]
public sealed partial class DtoContext : JsonSerializerContext;

public sealed class IndicatorSetDto
{
    public string Id { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public int Year { get; set; }

    public string? Department { get; set; }

    public string? ImplementingUnit { get; set; }

    public List<string>? Goals { get; set; }

    public BudgetDto? Budget { get; set; }

    public List<IndicatorDto> Indicators { get; set; } = [];
}

public sealed class BudgetDto
{
    public string? Unit { get; set; }

    public List<BudgetLineDto>? Sources { get; set; }

    public List<BudgetLineDto>? Expenditures { get; set; }
}

public sealed class BudgetLineDto
{
    public string Id { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string? Category { get; set; }
}

public sealed class IndicatorDto
{
    public string Id { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string? Program { get; set; }

    public string? Level1 { get; set; }

    public string Level2 { get; set; } = string.Empty;

    public TargetDto Target { get; set; } = new();

    public string? Unit { get; set; }

    public decimal? Weight { get; set; }

    public string? Compute { get; set; }

    public string? Description { get; set; }
}

/// <summary>A target: text ("≥2300", "12月底前"), a bare number, or an object (<c>{ "comparison": "≤", "value": 0 }</c>).</summary>
public class TargetDto
{
    public string? Text { get; set; }

    public string? Comparison { get; set; }

    public decimal? Value { get; set; }

    public decimal? Upper { get; set; }

    public bool? Percent { get; set; }

    public string? Unit { get; set; }

    public string? Description { get; set; }
}

/// <summary>The object form of a target (deserialized without the converter).</summary>
public sealed class TargetObjectDto : TargetDto;

public sealed class ActualsDto
{
    public string IndicatorSet { get; set; } = string.Empty;

    public ActualsBudgetDto? Budget { get; set; }

    public Dictionary<string, IndicatorActualDto> Indicators { get; set; } = [];
}

public sealed class ActualsBudgetDto
{
    public decimal? Initial { get; set; }

    public decimal? Available { get; set; }

    public decimal? Spent { get; set; }

    public Dictionary<string, decimal>? Sources { get; set; }

    public Dictionary<string, decimal>? Expenditures { get; set; }

    public string? Reason { get; set; }

    public string? Measures { get; set; }

    public string? ReasonCategory { get; set; }
}

/// <summary>An actual as written: a number or text.</summary>
public sealed class ValueDto
{
    public decimal? Number { get; set; }

    public string? Text { get; set; }
}

/// <summary>One indicator's entry in actuals.json: a bare value, or an object.</summary>
public class IndicatorActualDto
{
    public ValueDto? Actual { get; set; }

    public string? Grade { get; set; }

    public decimal? Score { get; set; }

    public Dictionary<string, decimal>? Inputs { get; set; }

    public string? Reason { get; set; }

    public string? Measures { get; set; }

    public string? ReasonCategory { get; set; }

    public decimal? Deduction { get; set; }

    public bool NotApplicable { get; set; }
}

/// <summary>The object form of an entry (deserialized without the converter).</summary>
public sealed class IndicatorActualObjectDto : IndicatorActualDto;

internal sealed class TargetConverter : JsonConverter<TargetDto>
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert == typeof(TargetDto);

    public override TargetDto? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => new TargetDto { Text = reader.GetString() },
        JsonTokenType.Number => new TargetDto { Value = reader.GetDecimal() },
        JsonTokenType.StartObject => JsonSerializer.Deserialize<TargetObjectDto>(ref reader, options),
        _ => throw new JsonException("a target is text, a number or an object"),
    };

    public override void Write(Utf8JsonWriter writer, TargetDto value, JsonSerializerOptions options) => throw new NotSupportedException();
}

internal sealed class ValueConverter : JsonConverter<ValueDto>
{
    public override ValueDto? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => new ValueDto { Text = reader.GetString() },
        JsonTokenType.Number => new ValueDto { Number = reader.GetDecimal() },
        _ => throw new JsonException("an actual is a number or text"),
    };

    public override void Write(Utf8JsonWriter writer, ValueDto value, JsonSerializerOptions options) => throw new NotSupportedException();
}

internal sealed class IndicatorActualConverter : JsonConverter<IndicatorActualDto>
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert == typeof(IndicatorActualDto);

    public override IndicatorActualDto? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => new IndicatorActualDto { Actual = new ValueDto { Text = reader.GetString() } },
        JsonTokenType.Number => new IndicatorActualDto { Actual = new ValueDto { Number = reader.GetDecimal() } },
        JsonTokenType.StartObject => JsonSerializer.Deserialize<IndicatorActualObjectDto>(ref reader, options),
        _ => throw new JsonException("an indicator's actual is a number, text or an object"),
    };

    public override void Write(Utf8JsonWriter writer, IndicatorActualDto value, JsonSerializerOptions options) => throw new NotSupportedException();
}
