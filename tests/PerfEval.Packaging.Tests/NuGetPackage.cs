using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace PerfEval.Packaging.Tests;

/// <summary>A .nupkg or .snupkg opened for reading: its file list, its nuspec and its files.</summary>
internal sealed class NuGetPackage : IDisposable
{
    private readonly ZipArchive _zip;

    public NuGetPackage(string path)
    {
        _zip = ZipFile.OpenRead(path);
        Files = [.. _zip.Entries.Select(e => e.FullName).Where(n => !n.EndsWith('/')).Order(StringComparer.Ordinal)];
        var nuspec = _zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal));
        using var stream = nuspec.Open();
        var document = XDocument.Load(stream);
        Metadata = document.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    /// <summary>Every file in the package, by its path inside it.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The nuspec's metadata element.</summary>
    public XElement Metadata { get; }

    /// <summary>A metadata element's text (id, version, readme…), or null.</summary>
    public string? Get(string name) => Element(name)?.Value;

    /// <summary>A metadata element (license, repository…), or null.</summary>
    public XElement? Element(string name) => Metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name);

    /// <summary>The dependencies by target framework: framework → package ids and versions.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Dependencies() =>
        (Element("dependencies")?.Elements() ?? []).ToDictionary(
            g => g.Attribute("targetFramework")?.Value ?? string.Empty,
            g => (IReadOnlyDictionary<string, string>)g.Elements().ToDictionary(d => d.Attribute("id")!.Value, d => d.Attribute("version")!.Value));

    /// <summary>The package types (DotnetTool for a tool).</summary>
    public IReadOnlyList<string> PackageTypes() =>
        [.. (Element("packageTypes")?.Elements() ?? []).Select(e => e.Attribute("name")!.Value)];

    public byte[] ReadBytes(string path)
    {
        using var stream = _zip.GetEntry(path)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public string ReadText(string path) => System.Text.Encoding.UTF8.GetString(ReadBytes(path)).TrimStart('\uFEFF');

    /// <summary>The names of an assembly's embedded resources, read from its metadata without loading it.</summary>
    public IReadOnlyList<string> ManifestResources(string assemblyPath)
    {
        using var pe = new PEReader(new MemoryStream(ReadBytes(assemblyPath)));
        var reader = pe.GetMetadataReader();
        return [.. reader.ManifestResources.Select(h => reader.GetString(reader.GetManifestResource(h).Name)).Order(StringComparer.Ordinal)];
    }

    public void Dispose() => _zip.Dispose();
}
