using System.Globalization;

namespace EcomOrleans.LoadGen.Datasets;

/// <summary>Reads YooChoose clicks as the GRU4Rec preprocessing writes them: TSV <c>SessionId ItemId Time</c>, Time in Unix seconds.</summary>
public static class YooChooseReader
{
    public static List<RecordedInteraction> Read(TextReader reader)
    {
        var clicks = new List<RecordedInteraction>();
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split('\t');
            if (fields.Length < 3 || !long.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var session))
            {
                continue; // the header line
            }

            var item = long.Parse(fields[1], CultureInfo.InvariantCulture);
            var seconds = decimal.Parse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture);
            clicks.Add(new RecordedInteraction(session, null, item, (long)Math.Round(seconds * 1000m), RecordedKind.Click));
        }

        return clicks;
    }
}
