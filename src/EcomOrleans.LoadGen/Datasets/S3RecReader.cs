using System.Globalization;

namespace EcomOrleans.LoadGen.Datasets;

/// <summary>Reads the S3-Rec layout: one user per line, <c>uid i1 i2 ...</c>, items in time order.</summary>
public static class S3RecReader
{
    public static List<UserSequence> Read(TextReader reader)
    {
        var users = new List<UserSequence>();
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 2)
            {
                continue;
            }

            var items = new int[fields.Length - 1];
            for (var i = 1; i < fields.Length; i++)
            {
                items[i - 1] = int.Parse(fields[i], CultureInfo.InvariantCulture);
            }

            users.Add(new UserSequence(long.Parse(fields[0], CultureInfo.InvariantCulture), items));
        }

        return users;
    }
}
