using System.Globalization;

namespace EcomOrleans.Training.Pricing;

/// <summary>Reads Taddy's oj.csv (<c>No,sales,price,brand,feat</c>: 28,946 store-weeks of three orange juice brands).</summary>
internal static class OjReader
{
    /// <summary>The brands in the order the evaluation reports them.</summary>
    public static readonly IReadOnlyList<string> Brands = ["dominicks", "minute.maid", "tropicana"];

    /// <summary>Every row; columns are found by name (sales, price, brand, feat), so their order and extra columns do not matter.</summary>
    /// <exception cref="InvalidDataException">An empty file, a missing column, or a value that does not parse.</exception>
    public static IReadOnlyList<OjRow> Load(string path)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine()?.TrimStart('\uFEFF').Split(',').Select(h => h.Trim('"')).ToArray()
            ?? throw new InvalidDataException($"{path} is empty.");
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0
            ? i
            : throw new InvalidDataException($"{path} has no '{name}' column (its header is '{string.Join(',', header)}').");
        var (sales, price, brand, feat) = (Column("sales"), Column("price"), Column("brand"), Column("feat"));

        var rows = new List<OjRow>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length < header.Length)
            {
                throw new InvalidDataException($"{path} line {lineNumber} has {fields.Length} fields; the header has {header.Length}.");
            }

            double Number(int column) => double.TryParse(fields[column], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new InvalidDataException($"{path} line {lineNumber}: '{fields[column]}' in column '{header[column]}' is not a number.");
            rows.Add(new OjRow(Number(sales), Number(price), fields[brand].Trim('"'), Number(feat) != 0));
        }

        return rows;
    }
}
