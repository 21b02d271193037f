namespace PerfEval.Loading;

/// <summary>The JSON types a schema allows (<c>"type"</c>), as flags; none set means any.</summary>
[Flags]
internal enum JsonTypes
{
    None = 0,
    Number = 1,
    Integer = 2,
    String = 4,
    Boolean = 8,
    Array = 16,
    Object = 32,
}
