using System.Collections.Immutable;
using PerfEval.Diagnostics;

namespace PerfEval.Expressions;

/// <summary>
/// The gate every rule author's expression passes before RulesEngine sees it. It admits only numbers, the
/// evaluation's own named values, arithmetic and comparison operators, <c>iif(c, a, b)</c> and
/// <c>Math.Min / Max / Abs / Floor / Ceiling</c>; member access, strings, indexers, lambdas and every other
/// name are rejected, so no type, method or file outside the evaluation is reachable.
/// </summary>
internal static class ExpressionSandbox
{
    public const int MaxLength = 2000;

    /// <summary>The deepest nesting of parentheses (the expression parser recurses once per level).</summary>
    public const int MaxDepth = 16;

    /// <summary>The most operators and operands in one expression (long chains also make the parser and compiler recurse).</summary>
    public const int MaxTokens = 200;

    /// <summary>The most unary operators (- and !) in a row.</summary>
    public const int MaxUnaryRun = 3;

    private static readonly HashSet<string> MathFunctions = new(StringComparer.Ordinal) { "Min", "Max", "Abs", "Floor", "Ceiling" };

    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "it", "parent", "root", "new", "np", "null", "true", "false", "as", "is", "and", "or", "not", "mod", "iif",
        "object", "bool", "char", "string", "sbyte", "byte", "short", "ushort", "int", "uint", "long", "ulong",
        "float", "double", "decimal", "typeof", "default", "this", "base", "var", "dynamic", "nameof", "sizeof",
    };

    /// <summary>Checks an expression and also lists where its number literals stand (start, length).</summary>
    public static bool TryCheck(string expression, out ImmutableArray<string> names, out MessageText? error, List<(int Start, int Length)>? literals)
    {
        names = [];
        error = null;
        if (string.IsNullOrWhiteSpace(expression))
        {
            error = MessageText.Of("expression.empty");
            return false;
        }

        if (expression.Length > MaxLength)
        {
            error = MessageText.Of("expression.tooLong", ("max", MaxLength));
            return false;
        }

        var found = new List<string>();
        var depth = 0;
        var tokens = 0;
        var unaryRun = 0;
        var previousIsOperand = false;
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (++tokens > MaxTokens)
            {
                error = MessageText.Of("expression.tooManyTokens", ("max", MaxTokens));
                return false;
            }

            // A - or ! where no value stands before it is unary; runs of them make the parser recurse.
            var unary = (c == '!' && (i + 1 >= expression.Length || expression[i + 1] != '=')) || (c == '-' && !previousIsOperand);
            unaryRun = unary ? unaryRun + 1 : 0;
            if (unaryRun > MaxUnaryRun)
            {
                error = MessageText.Of("expression.tooManyUnary", ("max", MaxUnaryRun));
                return false;
            }

            previousIsOperand = char.IsAsciiDigit(c) || char.IsLetter(c) || c == '_' || c == ')';

            if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < expression.Length && char.IsAsciiDigit(expression[i]))
                {
                    i++;
                }

                if (i + 1 < expression.Length && expression[i] == '.' && char.IsAsciiDigit(expression[i + 1]))
                {
                    i++;
                    while (i < expression.Length && char.IsAsciiDigit(expression[i]))
                    {
                        i++;
                    }
                }

                if (i < expression.Length && (char.IsLetter(expression[i]) || expression[i] == '_'))
                {
                    error = MessageText.Of("expression.notANumber", ("text", expression[start..(i + 1)]));
                    return false;
                }

                literals?.Add((start, i - start));
                continue;
            }

            if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < expression.Length && (char.IsLetterOrDigit(expression[i]) || expression[i] == '_'))
                {
                    i++;
                }

                var word = expression[start..i];
                var next = NextNonSpace(expression, i);
                if (word == "Math")
                {
                    if (next >= expression.Length || expression[next] != '.')
                    {
                        error = MessageText.Of("expression.mathMisused");
                        return false;
                    }

                    var fStart = NextNonSpace(expression, next + 1);
                    var fEnd = fStart;
                    while (fEnd < expression.Length && char.IsLetter(expression[fEnd]))
                    {
                        fEnd++;
                    }

                    var function = expression[fStart..fEnd];
                    var paren = NextNonSpace(expression, fEnd);
                    if (!MathFunctions.Contains(function) || paren >= expression.Length || expression[paren] != '(')
                    {
                        error = MessageText.Of("expression.mathFunction", ("function", function));
                        return false;
                    }

                    i = fEnd;
                    continue;
                }

                if (word == "iif" && next < expression.Length && expression[next] == '(')
                {
                    continue;
                }

                if (next < expression.Length && (expression[next] == '(' || expression[next] == '.'))
                {
                    error = MessageText.Of("expression.callNotAllowed", ("call", word + expression[next]));
                    return false;
                }

                if (!IsValueName(word))
                {
                    error = MessageText.Of("expression.badName", ("name", word));
                    return false;
                }

                if (!found.Contains(word))
                {
                    found.Add(word);
                }

                continue;
            }

            switch (c)
            {
                case '(':
                    if (++depth > MaxDepth)
                    {
                        error = MessageText.Of("expression.tooDeep", ("max", MaxDepth));
                        return false;
                    }

                    i++;
                    continue;
                case ')':
                    if (--depth < 0)
                    {
                        error = MessageText.Of("expression.unmatchedClose");
                        return false;
                    }

                    i++;
                    continue;
                case '+' or '-' or '*' or '/' or '%' or ',' or '?' or ':':
                    i++;
                    continue;
                case '<' or '>' or '!':
                    i += i + 1 < expression.Length && expression[i + 1] == '=' ? 2 : 1;
                    continue;
                case '=' when i + 1 < expression.Length && expression[i + 1] == '=':
                    i += 2;
                    continue;
                case '&' when i + 1 < expression.Length && expression[i + 1] == '&':
                case '|' when i + 1 < expression.Length && expression[i + 1] == '|':
                    i += 2;
                    continue;
                default:
                    error = MessageText.Of("expression.character", ("character", c.ToString()));
                    return false;
            }
        }

        if (depth != 0)
        {
            error = MessageText.Of("expression.unclosed");
            return false;
        }

        names = [.. found];
        return true;
    }

    /// <summary>Whether <paramref name="name"/> may name a value in an expression.</summary>
    public static bool IsValueName(string name)
    {
        if (name.Length == 0 || name.Length > 64 || Reserved.Contains(name))
        {
            return false;
        }

        var first = name[0];
        if (!(char.IsAsciiLetterLower(first) || IsHan(first)))
        {
            return false;
        }

        // ASCII letters, digits and _ or Chinese characters only: no look-alikes (Cyrillic а, Greek ο, full-width ａ).
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_' || IsHan(c)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>CJK unified ideographs (the characters of Chinese names), with extension A and the compatibility block.</summary>
    private static bool IsHan(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');

    /// <summary>The index of the first character at or after <paramref name="i"/> that is not white space (the length when none is).</summary>
    internal static int NextNonSpace(string s, int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i]))
        {
            i++;
        }

        return i;
    }
}
