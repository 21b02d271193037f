namespace PerfEval.Loading;

internal enum JsonKind : byte
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}
