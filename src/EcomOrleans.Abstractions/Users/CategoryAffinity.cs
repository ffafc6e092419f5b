namespace EcomOrleans.Users;

/// <summary>How strongly a user leans to a category, exponentially decayed with age.</summary>
[GenerateSerializer, Immutable, Alias("ecom.CategoryAffinity")]
public sealed record CategoryAffinity([property: Id(0)] string Category, [property: Id(1)] double Score);
