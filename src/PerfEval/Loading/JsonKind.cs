using System.Text;
using System.Text.Json;
using PerfEval.Diagnostics;

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
