using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using PerfEval.Actuals;
using PerfEval.Deviations;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Loading;
using PerfEval.Scoring;

namespace PerfEval.Reporting;

/// <summary>Maps the JSON of a result onto the model, reporting what is missing or of the wrong type at its path.</summary>
internal sealed class ResultReader(DiagnosticBag bag)
{
    public EvaluationResult? Result(JsonElement root)
    {
        if (!IsObject(root, "$"))
        {
            return null;
        }

        var policyName = String(root, "policy", "$") ?? string.Empty;
        var policy = PolicyCatalog.BuiltIn.TryGet(policyName, out var known) ? known : null;
        var gradeCode = String(root, "gradeCode", "$") ?? string.Empty;
        var gradeLabel = String(root, "grade", "$") ?? string.Empty;
        var grade = (policy ?? ScoringPolicy.Mof2020).Grades.FirstOrDefault(g => g.Code == gradeCode && g.Label == gradeLabel)
            ?? new GradeBand(0m, gradeCode, gradeLabel, gradeLabel);
        var result = new EvaluationResult
        {
            IndicatorSetId = String(root, "indicatorSet", "$") ?? string.Empty,
            Name = String(root, "name", "$") ?? string.Empty,
            Year = Get(root, "year", "$", JsonValueKind.Number) is { } year && year.TryGetInt32(out var y) ? y : 0,
            Department = OptionalString(root, "department", "$"),
            ImplementingUnit = OptionalString(root, "implementingUnit", "$"),
            Goals = Array(root, "goals", "$", (e, p) => IsString(e, p) ? e.GetString()! : null, required: false),
            Policy = policyName,
            PolicyUsed = policy,
            Budget = Budget(root, "$.budget") ?? EmptyBudget,
            Indicators = Array(root, "indicators", "$", Indicator),
            TotalWeight = Number(root, "totalWeight", "$") ?? 0m,
            TotalScore = Number(root, "totalScore", "$") ?? 0m,
            Grade = grade,
            Findings = Array(root, "findings", "$", Finding),
        };
        return bag.HasErrors ? null : result;
    }

    private static BudgetResult EmptyBudget => new() { Unit = string.Empty, Weight = 0m, Score = 0m };

    private BudgetResult? Budget(JsonElement root, string path)
    {
        if (Get(root, "budget", "$", JsonValueKind.Object) is not { } b)
        {
            return null;
        }

        return new BudgetResult
        {
            Unit = String(b, "unit", path) ?? string.Empty,
            Initial = OptionalNumber(b, "initial", path),
            Available = OptionalNumber(b, "available", path),
            Spent = OptionalNumber(b, "spent", path),
            ExecutionRate = OptionalNumber(b, "executionRate", path),
            Weight = Number(b, "weight", path) ?? 0m,
            Score = Number(b, "score", path) ?? 0m,
            Sources = Array(b, "sources", path, Line),
            Expenditures = Array(b, "expenditures", path, Line),
            Deviation = Deviation(b, path),
        };
    }

    private BudgetLineResult? Line(JsonElement e, string path) => !IsObject(e, path) ? null : new BudgetLineResult
    {
        Id = String(e, "id", path) ?? string.Empty,
        Name = String(e, "name", path) ?? string.Empty,
        Category = e.TryGetProperty("category", out _) ? Code<SourceCategory>(e, "category", path) : null,
        Amount = Number(e, "amount", path) ?? 0m,
        Share = OptionalNumber(e, "share", path),
    };

    private IndicatorResult? Indicator(JsonElement e, string path)
    {
        if (!IsObject(e, path))
        {
            return null;
        }

        var level1 = Level<Level1>(e, "level1", path, IndicatorLevels.TryParseLevel1);
        var level2 = Level<Level2>(e, "level2", path, IndicatorLevels.TryParseLevel2);
        var result = new IndicatorResult
        {
            Id = String(e, "id", path) ?? string.Empty,
            Name = String(e, "name", path) ?? string.Empty,
            Program = OptionalString(e, "program", path),
            Level1 = level1,
            Level2 = level2,
            Target = Target(e, path, level2),
            Unit = OptionalString(e, "unit", path),
            Actual = OptionalString(e, "actual", path) is { } actual ? ActualValue.Parse(actual) : null,
            ActualNumber = OptionalNumber(e, "actualValue", path),
            CompletionRate = OptionalNumber(e, "completionRate", path),
            Status = Code<IndicatorStatus>(e, "status", path) ?? IndicatorStatus.Missing,
            Grade = e.TryGetProperty("grade", out _) ? Code<QualitativeGrade>(e, "grade", path) : null,
            GradeInferred = e.TryGetProperty("gradeInferred", out var inferred) && inferred.ValueKind == JsonValueKind.True,
            Weight = Number(e, "weight", path) ?? 0m,
            WeightFilled = Boolean(e, "weightFilled", path),
            Score = Number(e, "score", path) ?? 0m,
            Deduction = OptionalNumber(e, "deduction", path),
            Reason = OptionalString(e, "reason", path),
            Measures = OptionalString(e, "measures", path),
        };
        result.SetDeviation(Deviation(e, path));
        return result;
    }

    /// <summary>The target from what the tables print (its <see cref="Indicators.Target.Display"/>) and its comparison, read as a rule author's target is.</summary>
    private Target Target(JsonElement e, string path, Level2 level2)
    {
        var display = String(e, "target", path) ?? string.Empty;
        var comparison = Code<Comparison>(e, "comparison", path) ?? Comparison.Qualitative;
        var inferred = Boolean(e, "comparisonInferred", path);
        var target = comparison == Comparison.Qualitative || !Indicators.Target.TryRead(display, level2, comparison, out var read, out _)
            ? new Target { Comparison = Comparison.Qualitative, Description = display }
            : read;
        return target with { Text = display, ComparisonInferred = inferred };
    }

    private Deviation Deviation(JsonElement e, string path)
    {
        if (Get(e, "deviation", path, JsonValueKind.Object) is not { } d)
        {
            return Deviations.Deviation.None;
        }

        var at = path + ".deviation";
        return new Deviation
        {
            Direction = Code<DeviationDirection>(d, "direction", at) ?? DeviationDirection.None,
            Absolute = OptionalNumber(d, "absolute", at),
            Relative = OptionalNumber(d, "relative", at),
            Triggers = Codes(e, "explanationTriggers", path, (t, p) => IsString(t, p) ? Parse<ExplanationTrigger>(t.GetString()!, p) : null),
            Reasons = Array(e, "reasons", path, Reason),
        };
    }

    private DeviationReason? Reason(JsonElement e, string path) => !IsObject(e, path) ? null : new DeviationReason
    {
        Category = String(e, "category", path) ?? string.Empty,
        CategoryLabel = String(e, "categoryLabel", path) ?? string.Empty,
        Text = String(e, "text", path) ?? string.Empty,
        Measures = OptionalString(e, "measures", path),
        Source = Code<ReasonSource>(e, "source", path) ?? ReasonSource.Preparer,
        RuleId = OptionalString(e, "rule", path),
    };

    private Diagnostic? Finding(JsonElement e, string path)
    {
        if (!IsObject(e, path))
        {
            return null;
        }

        var severity = Code<DiagnosticSeverity>(e, "severity", path) ?? DiagnosticSeverity.Error;
        SourceLocation? location = e.TryGetProperty("line", out var line) && line.TryGetInt32(out var l)
            && e.TryGetProperty("column", out var column) && column.TryGetInt32(out var c)
            ? new SourceLocation(OptionalString(e, "file", path), l, c)
            : null;
        return new Diagnostic(String(e, "code", path) ?? string.Empty, severity, String(e, "path", path) ?? "$", String(e, "message", path) ?? string.Empty, location);
    }

    private delegate bool LevelParser<TLevel>(string text, out TLevel level);

    private TLevel Level<TLevel>(JsonElement e, string name, string path, LevelParser<TLevel> parse)
        where TLevel : struct
    {
        var text = String(e, name, path);
        if (text is null)
        {
            return default;
        }

        if (!parse(text, out var level))
        {
            Invalid(path + "." + name, text);
        }

        return level;
    }

    private ImmutableArray<T> Array<T>(JsonElement e, string name, string path, Func<JsonElement, string, T?> item, bool required = true)
        where T : class
    {
        if (!e.TryGetProperty(name, out _) && !required)
        {
            return [];
        }

        if (Get(e, name, path, JsonValueKind.Array) is not { } array)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<T>(array.GetArrayLength());
        var i = 0;
        foreach (var element in array.EnumerateArray())
        {
            if (item(element, string.Create(CultureInfo.InvariantCulture, $"{path}.{name}[{i++}]")) is { } value)
            {
                builder.Add(value);
            }
        }

        return builder.DrainToImmutable();
    }

    private ImmutableArray<TEnum> Codes<TEnum>(JsonElement e, string name, string path, Func<JsonElement, string, TEnum?> item)
        where TEnum : struct
    {
        if (Get(e, name, path, JsonValueKind.Array) is not { } array)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<TEnum>();
        var i = 0;
        foreach (var element in array.EnumerateArray())
        {
            if (item(element, string.Create(CultureInfo.InvariantCulture, $"{path}.{name}[{i++}]")) is { } value)
            {
                builder.Add(value);
            }
        }

        return builder.ToImmutable();
    }

    private TEnum? Code<TEnum>(JsonElement e, string name, string path)
        where TEnum : struct, Enum =>
        String(e, name, path) is { } code ? Parse<TEnum>(code, path + "." + name) : null;

    private TEnum? Parse<TEnum>(string code, string path)
        where TEnum : struct, Enum
    {
        if (code.Length > 0 && char.IsLower(code[0]) && Enum.TryParse<TEnum>(code, ignoreCase: true, out var value) && ResultJson.CamelCase(value.ToString()) == code)
        {
            return value;
        }

        Invalid(path, code);
        return null;
    }

    private void Invalid(string path, string value) =>
        bag.Add(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, path, null, ("value", value), ("reason", MessageText.Of("reason.unknownResultCode")));

    private JsonElement? Get(JsonElement e, string name, string path, JsonValueKind kind)
    {
        if (!e.TryGetProperty(name, out var value))
        {
            bag.Add(DiagnosticCodes.MissingProperty, DiagnosticSeverity.Error, path, null, ("name", name));
            return null;
        }

        if (value.ValueKind != kind)
        {
            WrongType(path + "." + name, kind, value.ValueKind);
            return null;
        }

        return value;
    }

    private string? String(JsonElement e, string name, string path) => Get(e, name, path, JsonValueKind.String)?.GetString();

    private string? OptionalString(JsonElement e, string name, string path) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Null ? null : e.TryGetProperty(name, out _) ? String(e, name, path) : null;

    private decimal? Number(JsonElement e, string name, string path)
    {
        if (Get(e, name, path, JsonValueKind.Number) is not { } value)
        {
            return null;
        }

        if (value.TryGetDecimal(out var number))
        {
            return number;
        }

        bag.Add(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, path + "." + name, null, ("value", value.GetRawText()), ("reason", MessageText.Of("reason.notDecimal")));
        return null;
    }

    private decimal? OptionalNumber(JsonElement e, string name, string path) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Null ? null : Number(e, name, path);

    private bool Boolean(JsonElement e, string name, string path)
    {
        if (!e.TryGetProperty(name, out var value))
        {
            bag.Add(DiagnosticCodes.MissingProperty, DiagnosticSeverity.Error, path, null, ("name", name));
            return false;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        WrongType(path + "." + name, JsonValueKind.True, value.ValueKind);
        return false;
    }

    private bool IsObject(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        WrongType(path, JsonValueKind.Object, e.ValueKind);
        return false;
    }

    private bool IsString(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.String)
        {
            return true;
        }

        WrongType(path, JsonValueKind.String, e.ValueKind);
        return false;
    }

    private void WrongType(string path, JsonValueKind expected, JsonValueKind actual) =>
        bag.Add(DiagnosticCodes.WrongType, DiagnosticSeverity.Error, path, null, ("expected", Kind(expected)), ("actual", Kind(actual)));

    private static MessageText Kind(JsonValueKind kind) => MessageText.Word(kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    });
}
