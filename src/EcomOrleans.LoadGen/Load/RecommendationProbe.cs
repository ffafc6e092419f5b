namespace EcomOrleans.LoadGen.Load;

/// <summary>The answer to one <c>GET /api/users/{userId}/recommendations</c>.</summary>
/// <param name="Status">The HTTP status, or <see cref="Http.RequestOutcome.NoResponse"/> when none came (refused, reset, timed out).</param>
/// <param name="Personalized">The sequence model scored it: <c>modelVersion</c> was not <c>none</c>.</param>
/// <param name="Skus">The recommended SKUs, best first; empty unless it succeeded.</param>
public sealed record RecommendationProbe(int Status, bool Personalized, IReadOnlyList<string> Skus)
{
    public static RecommendationProbe NoResponse { get; } = new(Http.RequestOutcome.NoResponse, false, []);

    public bool Succeeded => Status is >= 200 and < 300;
}
