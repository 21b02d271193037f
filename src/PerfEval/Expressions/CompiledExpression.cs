using System.Collections.Concurrent;
using System.Collections.Immutable;
using PerfEval.Diagnostics;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace PerfEval.Expressions;

/// <summary>
/// A rule author's expression, checked by <see cref="ExpressionSandbox"/>, compiled once with RulesEngine's
/// expression parser, and evaluated against named values. Safe to share across threads.
/// </summary>
/// <typeparam name="T">The result: <see cref="decimal"/> for computed actuals, <see cref="bool"/> for conditions.</typeparam>
internal sealed class CompiledExpression<T>
{
    /// <summary>The most expressions kept in <see cref="Cache"/>; past it, expressions are compiled without being kept.</summary>
    private const int MaxCached = 10_000;

    /// <summary>
    /// Compiled expressions by value types and text: sets that share a rule shape compile it once. Process-wide, since
    /// reading compiles before any evaluator exists; bounded by <see cref="MaxCached"/>; it holds delegates only.
    /// </summary>
    private static readonly ConcurrentDictionary<string, CompiledExpression<T>> Cache = new(StringComparer.Ordinal);

    /// <summary>Serialises calls into RulesEngine's expression parser (shared by every closed type of this class).</summary>
    private static readonly object CompileLock = CompileLocks.Parser;

    private readonly Func<object[], T> _function;

    /// <summary>The number literals of the text, passed as decimal arguments after the named values.</summary>
    private readonly object[] _literals;

    private CompiledExpression(string text, ImmutableArray<string> names, object[] literals, Func<object[], T> function)
    {
        Text = text;
        Names = names;
        _literals = literals;
        _function = function;
    }

    public string Text { get; }

    /// <summary>The named values the expression reads, in first-use order.</summary>
    public ImmutableArray<string> Names { get; }

    /// <summary>
    /// Checks and compiles an expression; <paramref name="typeOf"/> gives each value's type (decimal or bool). When it
    /// does not compile, <paramref name="error"/> says why in PerfEval's words and <paramref name="parserDetail"/> holds
    /// the expression parser's own (English) sentence, for machines; it is null when the sandbox refused the text.
    /// </summary>
    public static bool TryCompile(string text, Func<string, Type> typeOf, out CompiledExpression<T>? compiled, out MessageText? error, out string? parserDetail)
    {
        compiled = null;
        parserDetail = null;
        var spans = new List<(int Start, int Length)>();
        if (!ExpressionSandbox.TryCheck(text, out var names, out error, spans))
        {
            return false;
        }

        // Every number literal becomes a decimal argument, so that 2 / 3 is 0.666…, not whole-number division,
        // and 1.5 is a decimal, not a double that will not mix with the decimal values.
        var literals = new object[spans.Count];
        var rewritten = new System.Text.StringBuilder(text.Length + (spans.Count * 4));
        var at = 0;
        for (var k = 0; k < spans.Count; k++)
        {
            var (start, length) = spans[k];
            rewritten.Append(text, at, start - at).Append("__k").Append(k.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (!decimal.TryParse(text.AsSpan(start, length), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var literal))
            {
                error = MessageText.Of("expression.numberOutOfRange", ("number", text.Substring(start, length)));
                return false;
            }

            literals[k] = literal;
            at = start + length;
        }

        rewritten.Append(text, at, text.Length - at);

        var types = names.Select(typeOf).ToArray();
        var key = string.Join(",", types.Select(t => t.Name)) + "|" + text;
        if (Cache.TryGetValue(key, out compiled))
        {
            return true;
        }

        var parameters = names.Select((n, i) => RuleParameter.Create(n, types[i]))
            .Concat(Enumerable.Range(0, literals.Length).Select(k => RuleParameter.Create("__k" + k.ToString(System.Globalization.CultureInfo.InvariantCulture), typeof(decimal))))
            .ToArray();
        var source = rewritten.ToString();
        Func<object[], T> function;

        // One compilation at a time: RulesEngine's parser (System.Linq.Dynamic.Core underneath) keeps shared state
        // that is not documented as thread-safe, and compiling is rare (each text once, then memoised above).
        lock (CompileLock)
        {
            var parser = new RuleExpressionParser(new ReSettings { CustomTypes = [], UseFastExpressionCompiler = true });
            try
            {
                function = parser.Compile<T>(source, parameters);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The parser explains in English only: parsed again without a result type, the expression shows whether
                // the kind of its result is its only fault, or where it fails. The reason is PerfEval's; the parser's
                // sentence is kept for machines.
                var failure = e;
                Type? natural = null;
                try
                {
                    natural = parser.Parse(source, [.. parameters.Select(p => p.ParameterExpression)], null).Type;
                }
                catch (Exception again) when (again is not OutOfMemoryException)
                {
                    failure = again;
                }

                error = CompileFailure.Explain(text, spans, typeof(T), natural, (failure as System.Linq.Dynamic.Core.Exceptions.ParseException)?.Position);
                parserDetail = failure.Message;
                return false;
            }
        }

        compiled = new CompiledExpression<T>(text, names, literals, function);
        if (Cache.Count < MaxCached)
        {
            compiled = Cache.GetOrAdd(key, compiled);
        }

        return true;
    }

    /// <summary>
    /// Evaluates the expression with values from <paramref name="lookup"/> (null for a value that is not there).
    /// A missing value, a division by zero or an overflow is reported through <paramref name="error"/>, not thrown;
    /// <paramref name="missing"/> names the first missing value.
    /// </summary>
    public bool TryEvaluate(Func<string, object?> lookup, out T result, out MessageText? error, out string? missing)
    {
        result = default!;
        missing = null;
        var args = new object[Names.Length + _literals.Length];
        _literals.CopyTo(args, Names.Length);
        for (var i = 0; i < Names.Length; i++)
        {
            if (lookup(Names[i]) is not { } v)
            {
                missing = Names[i];
                error = MessageText.Of("expression.valueMissing", ("name", Names[i]));
                return false;
            }

            args[i] = v;
        }

        try
        {
            result = _function(args);
            error = null;
            return true;
        }
        catch (Exception e) when (e is ArithmeticException or InvalidCastException or ArgumentException or FormatException)
        {
            error = e switch
            {
                DivideByZeroException => MessageText.Of("expression.divideByZero"),
                OverflowException => MessageText.Of("expression.overflow"),
                InvalidCastException => MessageText.Of("expression.valueKind"),
                _ => MessageText.Of("expression.failed"),
            };
            return false;
        }
    }
}
