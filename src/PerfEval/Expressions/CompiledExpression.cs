using System.Collections.Immutable;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace PerfEval.Expressions;

/// <summary>
/// A rule author's numeric expression, checked by <see cref="ExpressionSandbox"/>, compiled once with
/// RulesEngine's expression parser, and evaluated against named decimal values. Safe to share across threads.
/// </summary>
internal sealed class CompiledExpression
{
    /// <summary>Compiled expressions by text: sets that share a rule shape compile it once.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, CompiledExpression> Cache = new(StringComparer.Ordinal);

    /// <summary>The most expressions kept in <see cref="Cache"/>; past it, expressions are compiled without being kept.</summary>
    private const int MaxCached = 10_000;

    private readonly Func<object[], decimal> _function;

    private CompiledExpression(string text, ImmutableArray<string> names, Func<object[], decimal> function)
    {
        Text = text;
        Names = names;
        _function = function;
    }

    public string Text { get; }

    /// <summary>The named values the expression reads.</summary>
    public ImmutableArray<string> Names { get; }

    public static bool TryCompile(string text, out CompiledExpression? compiled, out string? error)
    {
        if (Cache.TryGetValue(text, out compiled))
        {
            error = null;
            return true;
        }

        if (!ExpressionSandbox.TryCheck(text, out var names, out error))
        {
            return false;
        }

        try
        {
            var parameters = names.Select(n => RuleParameter.Create(n, typeof(decimal))).ToArray();
            var parser = new RuleExpressionParser(new ReSettings { CustomTypes = [], UseFastExpressionCompiler = true });
            var function = parser.Compile<decimal>(text, parameters);
            compiled = new CompiledExpression(text, names, function);
            if (Cache.Count < MaxCached)
            {
                compiled = Cache.GetOrAdd(text, compiled);
            }

            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            error = e.Message;
            return false;
        }
    }

    /// <summary>Evaluates the expression; a missing value, a division by zero or an overflow is reported, not thrown.</summary>
    public bool TryEvaluate(IReadOnlyDictionary<string, decimal> values, out decimal result, out string? error)
    {
        result = 0;
        var args = new object[Names.Length];
        for (var i = 0; i < Names.Length; i++)
        {
            if (!values.TryGetValue(Names[i], out var v))
            {
                error = $"the input '{Names[i]}' is missing";
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
        catch (Exception e) when (e is DivideByZeroException or OverflowException or ArithmeticException or InvalidCastException)
        {
            error = e.Message;
            return false;
        }
    }
}
