using Microsoft.Extensions.DependencyInjection;

namespace EcomOrleans.Silo.Tests.Storage;

/// <summary>Waiting on cluster membership, event-driven: membership publishes a snapshot on every change.</summary>
internal static class Cluster
{
    /// <summary>
    /// Membership settings that declare a silo dead about two seconds after it stops answering probes, instead of
    /// Orleans' production defaults (three missed 5-second probes and two votes).
    /// </summary>
    public static IReadOnlyDictionary<string, string> FastFailureDetection { get; } = new Dictionary<string, string>
    {
        ["Orleans:Membership:ProbeTimeout"] = "00:00:01",
        ["Orleans:Membership:NumMissedProbesLimit"] = "2",
        ["Orleans:Membership:NumVotesForDeathDeclaration"] = "1",
        ["Orleans:Membership:TableRefreshTimeout"] = "00:00:02",
    };

    public static int Active(ClusterMembershipSnapshot snapshot) => snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);

    public static async Task WaitForAsync(EngineFactory engine, Func<ClusterMembershipSnapshot, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var membership = engine.Services.GetRequiredService<IClusterMembershipService>();
        await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(timeout.Token))
        {
            if (condition(snapshot))
            {
                return;
            }
        }
    }
}
