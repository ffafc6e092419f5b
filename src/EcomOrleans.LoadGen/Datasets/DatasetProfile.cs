namespace EcomOrleans.LoadGen.Datasets;

/// <summary>Naming and pricing of one data set.</summary>
/// <param name="Name">The <c>--dataset</c> value, e.g. <c>beauty</c>.</param>
/// <param name="Prefix">Prefix of SKU, user, session, category and brand ids, e.g. <c>beauty</c> gives <c>beauty-17</c>.</param>
/// <param name="DisplayName">Used in product titles.</param>
/// <param name="MedianPrice">Median of the log-normal price distribution, in dollars.</param>
/// <param name="PriceSigma">Standard deviation of the log of the price.</param>
public sealed record DatasetProfile(string Name, string Prefix, string DisplayName, double MedianPrice, double PriceSigma)
{
    public string SkuOf(long item) => $"{Prefix}-{item}";

    public string UserOf(long user) => $"{Prefix}-u{user}";

    public string SessionOf(long session) => $"{Prefix}-s{session}";
}
