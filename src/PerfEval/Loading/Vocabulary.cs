using System.Buffers.Binary;
using System.Text;
using PerfEval.Indicators;

namespace PerfEval.Loading;

/// <summary>
/// The words every document of the file formats repeats (the schemas' property names and enum values, the level
/// labels, common units), each decoded once into a string that every parse shares. The table is filled once and
/// never written afterwards: a cache that took in each document's own texts would keep them alive long enough to be
/// collected as old objects, which costs more than decoding them again.
/// </summary>
internal static class Vocabulary
{
    /// <summary>Units common in indicator sets, besides those the schemas name.</summary>
    private static readonly string[] Units =
    [
        "%", "人", "人次", "万人", "万人次", "户", "个", "项", "次", "天", "日", "月", "年", "家", "件", "座", "所", "处", "台", "套", "辆",
        "元", "万元", "亿元", "元/人", "元/人/月", "元/人/年", "元/亩", "元/户", "亩", "万亩", "吨", "公里", "千米", "平方米", "立方米", "小时", "分", "起", "期", "批", "场", "篇", "份", "本",
    ];

    /// <summary>Open addressing, a power of two at least four times the number of words: one probe in most lookups.</summary>
    private static readonly (byte[] Utf8, string Text)?[] Table = Build();

    /// <summary>The shared string for <paramref name="utf8"/>, or null when it is not a word of the formats.</summary>
    public static string? Find(ReadOnlySpan<byte> utf8)
    {
        var mask = Table.Length - 1;
        for (var slot = Hash(utf8) & mask; Table[slot] is { } entry; slot = (slot + 1) & mask)
        {
            if (utf8.SequenceEqual(entry.Utf8))
            {
                return entry.Text;
            }
        }

        return null;
    }

    private static (byte[] Utf8, string Text)?[] Build()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var schema in Schemas.All.Values)
        {
            words.UnionWith(schema.Properties?.Keys ?? []);
            words.UnionWith(schema.Required);
            words.UnionWith(schema.Enum ?? []);
        }

        words.UnionWith(IndicatorLevels.Level1Labels);
        words.UnionWith(IndicatorLevels.Level2Labels);
        words.UnionWith(Units);

        var size = 64;
        while (size < words.Count * 4)
        {
            size *= 2;
        }

        var table = new (byte[] Utf8, string Text)?[size];
        foreach (var word in words)
        {
            var utf8 = Encoding.UTF8.GetBytes(word);
            var slot = Hash(utf8) & (size - 1);
            while (table[slot] is not null)
            {
                slot = (slot + 1) & (size - 1);
            }

            table[slot] = (utf8, word);
        }

        return table;
    }

    /// <summary>
    /// A hash of the length and the first and last eight bytes (the bytes are compared anyway), never negative: cheap,
    /// and enough for a table that is filled once and never written, whose clusters no document can lengthen.
    /// </summary>
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        ulong head, tail;
        if (bytes.Length >= 8)
        {
            head = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            tail = BinaryPrimitives.ReadUInt64LittleEndian(bytes[^8..]);
        }
        else
        {
            head = 0;
            foreach (var b in bytes)
            {
                head = (head << 8) | b;
            }

            tail = 0;
        }

        var hash = unchecked(((head * 0x9E3779B97F4A7C15UL) ^ (tail * 0xC2B2AE3D27D4EB4FUL)) + (ulong)bytes.Length);
        return (int)((hash ^ (hash >> 29)) & int.MaxValue);
    }
}
