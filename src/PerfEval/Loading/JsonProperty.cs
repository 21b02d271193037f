using PerfEval.Diagnostics;

namespace PerfEval.Loading;

/// <summary>A property of a JSON object: its name, where the name stands, and its value.</summary>
internal readonly record struct JsonProperty(string Name, int NameOffset, JsonTree Value)
{
    public SourceLocation NameLocation => Value.Lines.At(NameOffset);
}
