using PerfEval.Diagnostics;

namespace PerfEval.Expressions;

/// <summary>
/// Why an expression that passed <see cref="ExpressionSandbox"/> does not compile, in PerfEval's own words (PE1009).
/// The expression parser explains in English only; what it gives besides is the position of the problem. So
/// <see cref="CompiledExpression{T}"/> parses the expression once more without a result type: when that succeeds, the
/// only fault is the kind of its result (a number where a condition is needed, or the reverse); otherwise the position,
/// taken back to the text as written, and what stands there tell the reason. No type of the parser's is named here.
/// </summary>
internal static class CompileFailure
{
    /// <summary>Why <paramref name="text"/> does not compile to <paramref name="expected"/>.</summary>
    /// <param name="text">The expression as written.</param>
    /// <param name="literals">Where its number literals stand; the parser saw each as <c>__k{n}</c>.</param>
    /// <param name="expected">The type asked for: <see cref="decimal"/> or <see cref="bool"/>.</param>
    /// <param name="natural">The type the expression gives when no type is asked for; null when it does not parse even so.</param>
    /// <param name="position">Where the parse without a type failed, 0-based in the text the parser saw; null when it did not say.</param>
    /// <returns>The reason.</returns>
    public static MessageText Explain(string text, IReadOnlyList<(int Start, int Length)> literals, Type expected, Type? natural, int? position)
    {
        if (natural is not null)
        {
            return natural == typeof(bool) && expected != typeof(bool) ? MessageText.Of("expression.givesCondition")
                : natural != typeof(bool) && expected == typeof(bool) ? MessageText.Of("expression.givesNumber")
                : MessageText.Of("expression.doesNotCompile");
        }

        return position is { } p ? At(text, Original(p, literals)) : MessageText.Of("expression.doesNotCompile");
    }

    /// <summary>The arguments of PE1009 for <paramref name="expression"/>: the reason, and the parser's own sentence when the parser gave one.</summary>
    public static (string Name, object? Value)[] Arguments(string expression, MessageText? reason, string? parserDetail) =>
        parserDetail is null
            ? [("expression", expression), ("reason", reason)]
            : [("expression", expression), ("reason", reason), ("parserDetail", parserDetail)];

    /// <summary>The reason of a parse failure at <paramref name="position"/> (0-based) of <paramref name="text"/>.</summary>
    private static MessageText At(string text, int position)
    {
        var at = ExpressionSandbox.NextNonSpace(text, position);
        if (at >= text.Length)
        {
            return MessageText.Of("expression.incomplete");
        }

        var shown = at + 1;
        var token = Token(text, at);
        var before = PreviousNonSpace(text, at);
        var after = ExpressionSandbox.NextNonSpace(text, at + token.Length);
        var operandBefore = before >= 0 && EndsOperand(text[before]);
        var operandAfter = after < text.Length && StartsOperand(text[after]);

        if (IsWord(token[0]))
        {
            if (token == "iif")
            {
                return MessageText.Of("expression.conditional", ("position", shown));
            }

            if (text.AsSpan(0, at).TrimEnd().EndsWith("Math.", StringComparison.Ordinal))
            {
                return MessageText.Of("expression.mathArguments", ("function", token), ("position", shown));
            }
        }

        // An operator standing where operators stand: what it was given is of the wrong kind.
        // ("!" stands only before its operand, "-" before one or between two, the others between two.)
        if (OperatorRule(token) is { } rule && operandAfter && (token == "!" ? !operandBefore : operandBefore || token == "-"))
        {
            return MessageText.Of("expression.operatorTypes", ("operator", token), ("position", shown), ("rule", MessageText.Of(rule)));
        }

        // A value standing where values start, and the parser stopped there: the ? : whose condition it starts does not fit.
        if (StartsOperand(text[at]) && !operandBefore && text.AsSpan(at).Contains('?'))
        {
            return MessageText.Of("expression.conditional", ("position", shown));
        }

        return MessageText.Of("expression.unexpected", ("found", token), ("position", shown));
    }

    /// <summary>The key of what an operator takes; null for a token that is not an operator of the grammar.</summary>
    private static string? OperatorRule(string token) => token switch
    {
        "+" or "-" or "*" or "/" or "%" or "<" or ">" or "<=" or ">=" => "expression.operatorNumbers",
        "&&" or "||" or "!" => "expression.operatorConditions",
        "==" or "!=" or "<>" => "expression.operatorSameKind",
        _ => null,
    };

    /// <summary>The token that starts at <paramref name="at"/>: a name, a number, an operator of two characters, or one character.</summary>
    private static string Token(string text, int at)
    {
        var end = at;
        if (IsWord(text[at]) || char.IsAsciiDigit(text[at]))
        {
            while (end < text.Length && (IsWord(text[end]) || char.IsAsciiDigit(text[end]) || (text[end] == '.' && char.IsAsciiDigit(text[at]))))
            {
                end++;
            }

            return text[at..end];
        }

        if (at + 1 < text.Length && text.AsSpan(at, 2) is "&&" or "||" or "==" or "!=" or "<=" or ">=" or "<>")
        {
            return text.Substring(at, 2);
        }

        return text.Substring(at, 1);
    }

    /// <summary>The position in the text as written of <paramref name="position"/> in the rewritten text, where each literal became <c>__k{n}</c>.</summary>
    private static int Original(int position, IReadOnlyList<(int Start, int Length)> literals)
    {
        var shift = 0;
        for (var k = 0; k < literals.Count; k++)
        {
            var (start, length) = literals[k];
            var replaced = "__k".Length + k.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
            if (position < start + shift)
            {
                break;
            }

            if (position < start + shift + replaced)
            {
                return start;
            }

            shift += replaced - length;
        }

        return Math.Max(0, position - shift);
    }

    private static bool IsWord(char c) => char.IsLetter(c) || c == '_';

    private static bool EndsOperand(char c) => IsWord(c) || char.IsAsciiDigit(c) || c == ')';

    private static bool StartsOperand(char c) => IsWord(c) || char.IsAsciiDigit(c) || c is '(' or '!' or '-';

    private static int PreviousNonSpace(string s, int i)
    {
        i--;
        while (i >= 0 && char.IsWhiteSpace(s[i]))
        {
            i--;
        }

        return i;
    }
}
