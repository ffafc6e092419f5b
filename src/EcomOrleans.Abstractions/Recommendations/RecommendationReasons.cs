namespace EcomOrleans.Recommendations;

/// <summary>Reason codes, in the order the fallback chain tries them.</summary>
public static class RecommendationReasons
{
    /// <summary>Most like what the session just searched for (title, brand and category against the query).</summary>
    public const string Search = "search";

    /// <summary>Scored by the sequence model against the user's behaviour.</summary>
    public const string Personalized = "personalized";

    /// <summary>Viewed by other shoppers in sessions with the items of this session.</summary>
    public const string SessionCoView = "session_co_view";

    /// <summary>Rising demand over the last hours.</summary>
    public const string Trending = "trending";

    /// <summary>Most units sold overall.</summary>
    public const string Popular = "popular";

    public const string NoModel = "none";
}
