namespace EcomOrleans.Grains.Users;

/// <summary>A recommendation served to this user.</summary>
[GenerateSerializer, Alias("ecom.IssuedRecommendation")]
public sealed class IssuedRecommendation
{
    [Id(0)] public string Id { get; set; } = "";

    [Id(1)] public List<string> Skus { get; set; } = [];

    [Id(2)] public DateTimeOffset IssuedAt { get; set; }
}
