using System.Globalization;
using System.Text;

namespace EcomOrleans.Models.Sequence;

/// <summary>
/// The format of <see cref="ModelFileNames.DemoCatalog"/>: UTF-8 CSV with the header
/// <c>sku,title,category,brand,price,cost,stock,leadTimeDays</c>, one SKU a line, invariant-culture numbers, no quoting
/// (so no field may hold a comma, a quote or a line break). LoadGen's <c>demo-catalog</c> command writes it.
/// </summary>
public static class DemoCatalogFile
{
    public const string Header = "sku,title,category,brand,price,cost,stock,leadTimeDays";

    private const int Fields = 8;

    public static void Write(TextWriter writer, IEnumerable<DemoCatalogEntry> entries)
    {
        writer.Write(Header);
        writer.Write('\n');
        foreach (var e in entries)
        {
            foreach (var text in (string[])[e.Sku, e.Title, e.Category, e.Brand])
            {
                if (text.Length == 0 || text.AsSpan().IndexOfAny(",\"\r\n") >= 0)
                {
                    throw new ArgumentException($"SKU '{e.Sku}': '{text}' is empty or holds a comma, quote or line break, which the demo catalog format cannot keep.", nameof(entries));
                }
            }

            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{e.Sku},{e.Title},{e.Category},{e.Brand},{e.Price},{e.Cost},{e.Stock},{e.LeadTimeDays}"));
            writer.Write('\n');
        }
    }

    /// <summary>Reads every entry; throws <see cref="ModelContractException"/> naming the file and line of the first bad one.</summary>
    public static List<DemoCatalogEntry> Read(string path)
    {
        var entries = new List<DemoCatalogEntry>();
        using var reader = new StreamReader(path, Encoding.UTF8);
        var header = reader.ReadLine();
        if (header != Header)
        {
            throw new ModelContractException($"{path}: line 1 must be '{Header}', not '{header}'.");
        }

        var number = 1;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            entries.Add(Parse(line) ?? throw new ModelContractException(
                $"{path}: line {number} must be {Fields} comma-separated fields ({Header}) with a price over 0 and whole, non-negative stock and lead time; got '{line}'."));
        }

        return entries;
    }

    private static DemoCatalogEntry? Parse(string line)
    {
        var f = line.Split(',');
        var invariant = CultureInfo.InvariantCulture;
        return f.Length == Fields
            && f[..4].All(t => t.Length > 0)
            && decimal.TryParse(f[4], NumberStyles.Number, invariant, out var price) && price > 0
            && decimal.TryParse(f[5], NumberStyles.Number, invariant, out var cost) && cost >= 0
            && int.TryParse(f[6], NumberStyles.None, invariant, out var stock)
            && int.TryParse(f[7], NumberStyles.None, invariant, out var leadTime)
                ? new DemoCatalogEntry(f[0], f[1], f[2], f[3], price, cost, stock, leadTime)
                : null;
    }
}
