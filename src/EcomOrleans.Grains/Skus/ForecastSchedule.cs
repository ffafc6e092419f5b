namespace EcomOrleans.Grains.Skus;

/// <summary>What refreshes an active SKU's forecast besides a request for it.</summary>
public enum ForecastSchedule
{
    /// <summary>A grain timer on each active SKU checks every <see cref="ForecastOptions.CheckInterval"/> whether its forecast is due.</summary>
    Timer = 0,

    /// <summary>Only requests refresh it (<c>GET .../decisions</c> of a stale forecast, <c>POST .../forecast</c>).</summary>
    OnDemand = 1,
}
