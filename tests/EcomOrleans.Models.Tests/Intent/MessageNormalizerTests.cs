using EcomOrleans.Models.Intent;

namespace EcomOrleans.Models.Tests.Intent;

public sealed class MessageNormalizerTests
{
    private static readonly string[] Vocabulary = ["[CLS]", "cancel", "my", "order", "account", "##ing", "parcel", "refund"];

    private static MessageNormalizer Normalizer(params (string Word, int Count)[] counts) =>
        new(Vocabulary, counts.ToDictionary(c => c.Word, c => c.Count));

    [Fact]
    public void Normalize_Shorthand_IsExpandedWhateverItsCase()
    {
        var normalizer = Normalizer();

        Assert.Equal("can't you send the password as soon as possible?", normalizer.Normalize("cant U send the pw asap?"));
        // Part of a hyphenated word is not a word of its own.
        Assert.Equal("a U-turn", normalizer.Normalize("a U-turn"));
    }

    [Fact]
    public void Normalize_WordOneEditFromAFarMoreFrequentWord_IsCorrected()
    {
        var normalizer = Normalizer(("account", 500), ("delete", 300), ("refund", 100));

        // A letter missing, one too many, two swapped, one changed.
        Assert.Equal("delete account, delete refund", normalizer.Normalize("delet accountt, deleet rafund"));
    }

    [Fact]
    public void Normalize_DominanceAndCountRules_DecideWhetherToCorrect()
    {
        // "shiping" is seen 9 times and "shipping" 90: ten times as often corrects it; 89 would not.
        Assert.Equal("shipping", Normalizer(("shipping", 90), ("shiping", 9)).Normalize("shiping"));
        Assert.Equal("shiping", Normalizer(("shipping", 89), ("shiping", 9)).Normalize("shiping"));
        // A candidate seen fewer than 3 times is not trusted, even against a word never seen.
        Assert.Equal("invoce", Normalizer(("invoice", 2)).Normalize("invoce"));
        Assert.Equal("invoice", Normalizer(("invoice", 3)).Normalize("invoce"));
    }

    [Fact]
    public void Normalize_KnownShortOrNonLetterWords_AreLeftAlone()
    {
        // "parcel" is a vocabulary word even though "parcels" is frequent; "crt" is under four letters; a word
        // with a digit and a slot placeholder keep their spelling; punctuation and spacing are kept.
        // "numbers" is one edit from "Number", which the vocabulary here lacks: only the placeholder keeps it.
        var normalizer = Normalizer(("parcels", 1000), ("cart", 1000), ("order", 1000), ("orders", 1000), ("numbers", 1000));

        Assert.Equal("Parcel  crt 4got {{Order Number}}!", normalizer.Normalize("Parcel  crt 4got {{Order Number}}!"));
        Assert.Equal("numbers", normalizer.Normalize("Number"));
    }

    [Fact]
    public void Normalize_WordsOutsideAToZOrTooLong_AreLeftWhole()
    {
        // "müordr" is one word, not "m" and a misspelled "ordr"; a word of 25 letters is over the length cap even
        // one edit from a frequent one (24 letters are corrected).
        const string long24 = "abcdefghijklmnopqrstuvwx";
        const string long25 = "abcdefghijklmnopqrstuvwxy";
        var normalizer = Normalizer(("order", 1000), (long24, 1000), (long25, 1000));

        Assert.Equal("müordr order", normalizer.Normalize("müordr ordr"));
        Assert.Equal(long24, normalizer.Normalize(long24[..^1] + "z"));
        Assert.Equal(long25[..^1] + "z", normalizer.Normalize(long25[..^1] + "z"));
    }

    [Fact]
    public void Normalize_EqualCandidates_GoToTheOrdinalFirst()
    {
        // The ordinal first wins whether it is made before its rival ("care" before "cart") or after it ("bdab", the
        // last edit made, after "cdaa"): neither "first found" nor "last found" passes both.
        Assert.Equal("care", Normalizer(("care", 50), ("cart", 50)).Normalize("carx"));
        Assert.Equal("bdab", Normalizer(("cdaa", 50), ("bdab", 50)).Normalize("bdaa"));
    }

    [Fact]
    public void CountWords_CountsLowerCaseLetterWordsOutsidePlaceholders()
    {
        var counts = MessageNormalizer.CountWords(["Cancel my order", "cancel order {{Order Number}} 42", "don't e-mail"]);

        // Placeholders, digits, and words with an apostrophe or a hyphen are not counted.
        Assert.Equal(new Dictionary<string, int> { ["cancel"] = 2, ["my"] = 1, ["order"] = 2 }, counts);
    }

    [Fact]
    public void WriteSpellingThenRead_RoundTripsMostFrequentFirst()
    {
        var path = Path.GetTempFileName();
        try
        {
            MessageNormalizer.WriteSpelling(path, new Dictionary<string, int> { ["order"] = 3, ["cancel"] = 7, ["my"] = 3 });

            Assert.Equal(["cancel\t7", "my\t3", "order\t3"], File.ReadAllLines(path));
            Assert.Equal(new Dictionary<string, int> { ["cancel"] = 7, ["my"] = 3, ["order"] = 3 }, MessageNormalizer.ReadSpelling(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("order 3\n", "spelling.tsv line 1: expected a lower-case word, a tab and a positive count.")]
    [InlineData("order\t3\nOrder\t2\n", "spelling.tsv line 2: expected a lower-case word, a tab and a positive count.")]
    [InlineData("order\t0\n", "spelling.tsv line 1: expected a lower-case word, a tab and a positive count.")]
    public void ReadSpelling_MalformedLine_FailsNamingIt(string contents, string expected)
    {
        var directory = Directory.CreateTempSubdirectory();
        var path = Path.Combine(directory.FullName, "spelling.tsv");
        try
        {
            File.WriteAllText(path, contents);

            var error = Assert.Throws<InvalidDataException>(() => MessageNormalizer.ReadSpelling(path));

            Assert.Equal(expected, error.Message);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
