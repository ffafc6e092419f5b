namespace EcomOrleans.Silo.Hosting;

/// <summary>Where this silo sits in its cluster (configuration section <c>Orleans</c>).</summary>
public sealed class EcomSiloOptions
{
    public const string SectionName = "Orleans";

    /// <summary>Silos with the same cluster id form one cluster. Default <c>ecom</c>.</summary>
    public string ClusterId { get; set; } = "ecom";

    /// <summary>Names the stored state; keep it across deployments. Default <c>ecom-orleans</c>.</summary>
    public string ServiceId { get; set; } = "ecom-orleans";

    /// <summary>Silo-to-silo port. Default 11111; give each silo on one host its own.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port. Default 30000; give each silo on one host its own.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one at; default loopback (one host).</summary>
    public string AdvertisedIPAddress { get; set; } = "127.0.0.1";
}
