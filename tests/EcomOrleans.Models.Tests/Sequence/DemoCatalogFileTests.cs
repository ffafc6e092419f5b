using EcomOrleans.Models.Sequence;

namespace EcomOrleans.Models.Tests.Sequence;

public sealed class DemoCatalogFileTests : IDisposable
{
    private readonly string _path = Path.GetTempFileName();

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Read_CommittedSequenceModel_HasOneEntryForEverySkuTheModelCanRecommend()
    {
        var directory = Path.Combine(RepositoryModels.Path, ModelKinds.Sequence);
        var manifest = ModelManifest.Load(directory);

        var entries = DemoCatalogFile.Read(manifest.PathOf(directory, ModelFileRoles.DemoCatalog));

        var modelSkus = File.ReadAllLines(manifest.PathOf(directory, ModelFileRoles.ItemSkus)).Skip(1).ToList();
        Assert.Equal(modelSkus, entries.Select(e => e.Sku));
        Assert.All(entries, e => Assert.True(e.Price > 0 && e.Cost < e.Price && e.Stock >= 0, $"{e}"));
    }

    [Fact]
    public void WriteThenRead_RoundTrips()
    {
        DemoCatalogEntry[] entries =
        [
            new("beauty-1", "Romiro Gentle Shampoo", "beauty-cat-1", "beauty-brand-173", 3.99m, 2.06m, 32, 4),
            new("beauty-2", "Essentials Matte Lipstick", "beauty-cat-4", "unbranded", 16m, 0m, 0, 0),
        ];
        using (var writer = new StreamWriter(_path))
        {
            DemoCatalogFile.Write(writer, entries);
        }

        Assert.Equal(entries, DemoCatalogFile.Read(_path));
    }

    [Fact]
    public void Write_TitleWithAComma_RefusedNamingTheSku()
    {
        var entry = new DemoCatalogEntry("beauty-1", "Shampoo, 2 pack", "c", "b", 1m, 0m, 1, 1);

        var error = Assert.Throws<ArgumentException>(() => DemoCatalogFile.Write(TextWriter.Null, [entry]));

        Assert.Equal(
            "SKU 'beauty-1': 'Shampoo, 2 pack' is empty or holds a comma, quote or line break, which the demo catalog format cannot keep. (Parameter 'entries')",
            error.Message);
    }

    [Theory]
    [InlineData("beauty-1,Title,cat,brand,0,0,1,1")]
    [InlineData("beauty-1,Title,cat,brand,1.5,0,-1,1")]
    [InlineData("beauty-1,Title,cat,brand,1.5,0,1")]
    [InlineData("beauty-1,,cat,brand,1.5,0,1,1")]
    public void Read_BadLine_RefusedNamingTheFileAndLine(string line)
    {
        File.WriteAllText(_path, DemoCatalogFile.Header + "\nbeauty-0,Title,cat,brand,1.5,0,1,1\n" + line + "\n");

        var error = Assert.Throws<ModelContractException>(() => DemoCatalogFile.Read(_path));

        Assert.Equal(
            $"{_path}: line 3 must be 8 comma-separated fields ({DemoCatalogFile.Header}) with a price over 0 and whole, non-negative stock and lead time; got '{line}'.",
            error.Message);
    }

    [Fact]
    public void Read_WrongHeader_Refused()
    {
        File.WriteAllText(_path, "sku,title\n");

        var error = Assert.Throws<ModelContractException>(() => DemoCatalogFile.Read(_path));

        Assert.Equal($"{_path}: line 1 must be '{DemoCatalogFile.Header}', not 'sku,title'.", error.Message);
    }
}
