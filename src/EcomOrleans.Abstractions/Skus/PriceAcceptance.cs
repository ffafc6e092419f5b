namespace EcomOrleans.Skus;

/// <summary>What became of a request to accept a price suggestion.</summary>
public enum PriceAcceptance
{
    /// <summary>The price was changed and the change audited.</summary>
    Accepted = 0,

    /// <summary>The SKU is not in the catalog.</summary>
    UnknownSku = 1,

    /// <summary>No suggestion of that id was made for this SKU (or it fell out of the trail).</summary>
    UnknownSuggestion = 2,

    /// <summary>It was accepted before: a suggestion changes the price once.</summary>
    AlreadyAccepted = 3,

    /// <summary>A newer suggestion replaced it, or the SKU's price or cost changed since it was made.</summary>
    Superseded = 4,
}
