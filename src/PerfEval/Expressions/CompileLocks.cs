namespace PerfEval.Expressions;

/// <summary>The lock around RulesEngine's expression parser, one for every result type of <see cref="CompiledExpression{T}"/>.</summary>
internal static class CompileLocks
{
    /// <summary>Held while RulesEngine parses and compiles one expression.</summary>
    public static readonly object Parser = new();
}
