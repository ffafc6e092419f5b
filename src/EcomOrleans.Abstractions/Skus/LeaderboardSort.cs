namespace EcomOrleans.Skus;

/// <summary>What the SKU leaderboard ranks by (<c>GET /api/skus?sort=</c>).</summary>
public enum LeaderboardSort
{
    /// <summary>Units sold over the last 28 days, most first.</summary>
    Demand = 0,

    /// <summary>Estimated units lost to stock-outs over the last 28 days, most first.</summary>
    LostUnits = 1,

    /// <summary>Days of cover (stock over forecast demand a day), fewest first: what runs out soonest. SKUs without demand are left out.</summary>
    Cover = 2,
}
