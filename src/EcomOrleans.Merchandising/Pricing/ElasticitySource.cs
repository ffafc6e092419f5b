namespace EcomOrleans.Merchandising.Pricing;

/// <summary>Where an <see cref="ElasticityEstimate"/> came from.</summary>
public enum ElasticitySource
{
    /// <summary>The SKU's own OLS fit alone.</summary>
    Own,

    /// <summary>The SKU's own fit shrunk toward the category prior by precision weighting.</summary>
    Shrunk,

    /// <summary>The category prior alone: the SKU's own data could not be fitted.</summary>
    CategoryPrior,
}
