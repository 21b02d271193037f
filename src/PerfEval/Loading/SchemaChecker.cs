using System.Globalization;
using PerfEval.Diagnostics;

namespace PerfEval.Loading;

/// <summary>
/// Checks a parsed document against its schema and reports what does not fit, with the document's path, line and
/// column: an unknown property (PE1002, with the closest known name), a value of the wrong type (PE1003), a missing
/// required property or a blank required string (PE1004, PE1005), a value outside its enum or bounds, a number beyond
/// what a decimal holds, a fraction where a whole number belongs (PE1005). A property set to null counts as absent.
/// Values that break the schema are marked <see cref="JsonTree.Invalid"/>, and they and their parents
/// <see cref="JsonTree.Faulty"/>, so that the reading that follows takes them as absent.
/// </summary>
internal sealed class SchemaChecker
{
    private readonly DiagnosticBag _diagnostics;
    private HashSet<(string Code, string Path)>? _reported;

    private SchemaChecker(DiagnosticBag diagnostics) => _diagnostics = diagnostics;

    /// <summary>Checks <paramref name="root"/> against <paramref name="schema"/>; true when it fits.</summary>
    public static bool Check(JsonTree root, Schema schema, DiagnosticBag diagnostics) => new SchemaChecker(diagnostics).Value(root, schema);

    private bool Value(JsonTree node, Schema schema)
    {
        var ok = true;
        if (schema.Ref is not null)
        {
            ok = Value(node, schema.Ref);
            if (!ok && node.Invalid)
            {
                return false;
            }
        }

        if (schema.AnyOf is not null && !AnyOf(node, schema))
        {
            return false;
        }

        if (schema.Types != JsonTypes.None && !Fits(node.Kind, schema.Types))
        {
            return WrongType(node, schema.Types);
        }

        switch (node.Kind)
        {
            case JsonKind.Number when schema.Types != JsonTypes.None:
                ok &= Number(node, schema);
                break;
            case JsonKind.String when schema.Enum is not null:
                if (!InEnum(node.Text!, schema.Enum))
                {
                    return Invalid(node, MessageText.Of("reason.expectedOneOf", ("choices", string.Join(", ", schema.Enum))));
                }

                break;
            case JsonKind.Object when schema.Properties is not null || schema.Closed || schema.Additional is not null || schema.Required.Length > 0 || schema.PatternProperties.Length > 0:
                ok &= Object(node, schema);
                break;
            case JsonKind.Array when schema.Items is not null:
                foreach (var item in node.Items)
                {
                    ok &= Value(item, schema.Items);
                }

                break;
            case not JsonKind.String when schema.Enum is not null:
                return WrongType(node, JsonTypes.String);
        }

        if (!ok)
        {
            node.Faulty = true;
        }

        return ok;
    }

    private bool AnyOf(JsonTree node, Schema schema)
    {
        Schema? first = null;
        var untyped = false;
        foreach (var a in schema.AnyOf!)
        {
            untyped |= a.EffectiveTypes == JsonTypes.None;
            if (a.EffectiveTypes != JsonTypes.None && Fits(node.Kind, a.EffectiveTypes))
            {
                first ??= a;
            }
        }

        if (first is null && !untyped)
        {
            return WrongType(node, schema.EffectiveTypes);
        }

        // Branches that are enums of names (the levels): one list of every name.
        if (schema.IsEnum)
        {
            if (node.Kind != JsonKind.String)
            {
                return WrongType(node, JsonTypes.String);
            }

            var all = schema.EnumValues!;
            return InEnum(node.Text!, all) || Invalid(node, MessageText.Of("reason.expectedOneOf", ("choices", string.Join(", ", all))));
        }

        // Branches that differ by type (a target is text, a number or an object): the first that fits decides. Branches
        // that only require one property or another (a target object needs a value, a deadline or a description) say
        // what the model's own check reports more precisely (PE1008).
        return first is null || Value(node, first);
    }

    private bool Object(JsonTree node, Schema schema)
    {
        node.Schema ??= schema;
        var ok = true;
        var members = schema.Members;

        // Which required properties are there (not null), and which of those are blank strings: one bit each.
        var required = schema.Required.Length;
        var counted = required <= 64;
        ulong present = 0, blank = 0;
        foreach (var p in node.Properties)
        {
            var known = members.TryGetValue(p.Name, out var member);
            var child = known && member.Declared is not null ? member.Declared : Child(schema, p.Name);
            if (known && member.RequiredIndex >= 0 && counted && p.Value.Kind != JsonKind.Null)
            {
                present |= 1UL << member.RequiredIndex;
                if (p.Value.Kind == JsonKind.String && string.IsNullOrWhiteSpace(p.Value.Text))
                {
                    blank |= 1UL << member.RequiredIndex;
                }
            }

            if (child is null)
            {
                if (schema.Closed)
                {
                    Report(DiagnosticCodes.UnknownProperty, p.Value.Path, p.NameLocation, ("name", p.Name), ("suggestion", MessageText.DidYouMean(ObjectReader.Closest(p.Name, schema.Properties?.Keys ?? []))));
                    p.Value.Invalid = true;
                    ok = false;
                }

                continue;
            }

            // A property set to null counts as absent; an entry of a map keyed by id cannot be null.
            if (p.Value.Kind != JsonKind.Null || !(known && member.Declared is not null))
            {
                ok &= Value(p.Value, child);
            }
        }

        if (counted && present == (required == 64 ? ulong.MaxValue : (1UL << required) - 1) && blank == 0)
        {
            return ok;
        }

        for (var i = 0; i < required; i++)
        {
            var name = schema.Required[i];
            var value = counted ? null : node[name];
            if (counted ? (present & (1UL << i)) == 0 : value is null || value.Kind == JsonKind.Null)
            {
                Report(DiagnosticCodes.MissingProperty, JsonTree.ChildPath(node.Path, name), node.Location, ("name", name));
                ok = false;
            }
            else if ((counted ? (blank & (1UL << i)) != 0 : value!.Kind == JsonKind.String && string.IsNullOrWhiteSpace(value.Text))
                && Child(schema, name)?.EffectiveTypes == JsonTypes.String)
            {
                ok &= Invalid(node[name]!, MessageText.Of("reason.notEmpty"));
            }
        }

        return ok;
    }

    /// <summary>
    /// The schema of a property: by name, by pattern, or the one for any other name. Only the schema's own keywords
    /// count: those of its <c>$ref</c> were applied when the reference was followed.
    /// </summary>
    private static Schema? Child(Schema s, string name)
    {
        if (s.Properties is not null && s.Properties.TryGetValue(name, out var byName))
        {
            return byName;
        }

        foreach (var (literal, prefix, regex, patternSchema) in s.PatternProperties)
        {
            if (regex is null ? (prefix ? name.StartsWith(literal, StringComparison.Ordinal) : name == literal) : regex.IsMatch(name))
            {
                return patternSchema;
            }
        }

        return s.Additional;
    }

    private bool Number(JsonTree node, Schema schema)
    {
        if (!Indicators.Notation.TryDecimal(node.Text!, out var d))
        {
            return Invalid(node, MessageText.Of("reason.numberOutOfRange"));
        }

        if ((schema.Types & JsonTypes.Integer) != 0 && (schema.Types & JsonTypes.Number) == 0 && d != decimal.Truncate(d))
        {
            return Invalid(node, MessageText.Of("reason.wholeNumber"));
        }

        var low = schema.Minimum ?? schema.ExclusiveMinimum;
        var high = schema.Maximum ?? schema.ExclusiveMaximum;
        if (d < schema.Minimum || d <= schema.ExclusiveMinimum || d > schema.Maximum || d >= schema.ExclusiveMaximum)
        {
            var from = low?.ToString(CultureInfo.InvariantCulture);
            var to = high?.ToString(CultureInfo.InvariantCulture);
            var (above, below) = (schema.ExclusiveMinimum is not null, schema.ExclusiveMaximum is not null);
            return Invalid(node, (low, high) switch
            {
                (not null, not null) => MessageText.Of("reason.between", ("from", above ? MessageText.Of("word.excluded", ("value", from)) : from), ("to", below ? MessageText.Of("word.excluded", ("value", to)) : to)),
                (not null, null) => MessageText.Of(above ? "reason.above" : "reason.notBelow", ("from", from)),
                _ => MessageText.Of(below ? "reason.below" : "reason.notAbove", ("to", to)),
            });
        }

        return true;
    }

    private static bool InEnum(string text, string[] values)
    {
        foreach (var v in values)
        {
            if (text == v)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Fits(JsonKind kind, JsonTypes types) => kind switch
    {
        JsonKind.Number => (types & (JsonTypes.Number | JsonTypes.Integer)) != 0,
        JsonKind.String => (types & JsonTypes.String) != 0,
        JsonKind.True or JsonKind.False => (types & JsonTypes.Boolean) != 0,
        JsonKind.Array => (types & JsonTypes.Array) != 0,
        JsonKind.Object => (types & JsonTypes.Object) != 0,
        _ => false,
    };

    /// <summary>The types in words, in the order messages use: "number, string or object".</summary>
    private static MessageText Words(JsonTypes types)
    {
        var words = new List<string>();
        if ((types & (JsonTypes.Number | JsonTypes.Integer)) != 0)
        {
            words.Add("number");
        }

        foreach (var (flag, word) in (ReadOnlySpan<(JsonTypes, string)>)[(JsonTypes.String, "string"), (JsonTypes.Boolean, "boolean"), (JsonTypes.Array, "array"), (JsonTypes.Object, "object")])
        {
            if (types.HasFlag(flag))
            {
                words.Add(word);
            }
        }

        if (words.Count == 1)
        {
            return MessageText.Word(words[0]);
        }

        // The combinations the schemas use have words of their own; any other is listed.
        var name = string.Join(", ", words[..^1]) + " or " + words[^1];
        return MessageText.IsWord(name) ? MessageText.Word(name) : MessageText.List(words.Select(MessageText.Word));
    }

    private bool WrongType(JsonTree node, JsonTypes expected)
    {
        Report(DiagnosticCodes.WrongType, node.Path, node.Location, ("expected", Words(expected)), ("actual", MessageText.Word(JsonTree.KindName(node.Kind))));
        node.Invalid = node.Faulty = true;
        return false;
    }

    private bool Invalid(JsonTree node, MessageText reason)
    {
        Report(DiagnosticCodes.InvalidValue, node.Path, node.Location, ("value", node.Text), ("reason", reason));
        node.Invalid = node.Faulty = true;
        return false;
    }

    /// <summary>Reports once per code and path (a property checked through <c>$ref</c> and beside it is reported once).</summary>
    private void Report(string code, string path, SourceLocation? location, params (string Name, object? Value)[] arguments)
    {
        if ((_reported ??= []).Add((code, path)))
        {
            _diagnostics.Add(code, DiagnosticSeverity.Error, path, location, arguments);
        }
    }
}
