namespace PerfEval.Packaging.Tests;

/// <summary>The tests that share one packing of the four packages; they run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class PackagingCollectionDefinition : ICollectionFixture<PackagesFixture>
{
    public const string Name = "Packaging";
}
