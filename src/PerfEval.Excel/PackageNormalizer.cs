using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace PerfEval.Excel;

/// <summary>
/// Makes a workbook's package the same bytes each time it is written from the same table: every zip entry gets one
/// fixed timestamp (the packaging library stamps the time of writing), the core properties part, which the packaging
/// library names at random, gets a fixed name, and the package-level relationships, whose ids it draws at random and
/// nothing refers to, are numbered in order.
/// </summary>
internal static partial class PackageNormalizer
{
    /// <summary>The timestamp of every entry: the earliest a zip file can hold.</summary>
    private static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The folder of the core properties part (its extension, .psmdcp, has its content type in [Content_Types].xml).</summary>
    private const string CorePropertiesFolder = "package/services/metadata/core-properties/";

    /// <summary>The fixed name of the core properties part.</summary>
    private const string CoreProperties = CorePropertiesFolder + "core.psmdcp";

    /// <summary>The same package with fixed timestamps and numbered package relationships, in a new stream at position 0.</summary>
    public static MemoryStream Normalize(MemoryStream package)
    {
        package.Position = 0;
        var result = new MemoryStream();
        using (var source = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true))
        using (var target = new ZipArchive(result, ZipArchiveMode.Create, leaveOpen: true))
        {
            var core = source.Entries.FirstOrDefault(e => e.FullName.StartsWith(CorePropertiesFolder, StringComparison.Ordinal))?.FullName;
            foreach (var entry in source.Entries)
            {
                using var content = new MemoryStream();
                using (var read = entry.Open())
                {
                    read.CopyTo(content);
                }

                var bytes = entry.FullName == "_rels/.rels" ? PackageRelationships(content.ToArray(), core) : content.ToArray();
                var copy = target.CreateEntry(entry.FullName == core ? CoreProperties : entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = FixedTime;
                using var write = copy.Open();
                write.Write(bytes);
            }
        }

        result.Position = 0;
        return result;
    }

    /// <summary>The package's relationships numbered in order, the core properties part under its fixed name.</summary>
    private static byte[] PackageRelationships(byte[] xml, string? core)
    {
        var n = 0;
        var text = RelationshipId().Replace(Encoding.UTF8.GetString(xml), _ => $"Id=\"rId{++n}\"");
        if (core is not null)
        {
            text = text.Replace("\"/" + core + "\"", "\"/" + CoreProperties + "\"", StringComparison.Ordinal);
        }

        return Encoding.UTF8.GetBytes(text);
    }

    [GeneratedRegex("Id=\"[^\"]*\"")]
    private static partial Regex RelationshipId();
}
