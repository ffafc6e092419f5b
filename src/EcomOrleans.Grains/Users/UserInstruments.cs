using System.Diagnostics.Metrics;

namespace EcomOrleans.Grains.Users;

/// <summary>Metrics of user grains; names are what dashboards query, so keep them stable.</summary>
public static class UserInstruments
{
    public const string MeterName = "EcomOrleans.Users";

    /// <summary>Tag: why the spilled dedup record was read.</summary>
    public const string ReasonTag = "reason";

    /// <summary>Reasons: an activation building its fingerprints, a key matching one, a spill merging pending keys.</summary>
    public const string Activation = "activation";
    public const string FingerprintMatch = "fingerprint_match";
    public const string Spill = "spill";

    public static readonly Meter Meter = new(MeterName);

    /// <summary>
    /// Reads of users' spilled dedup records, by reason (<c>ecom_user_dedup_record_reads_total{reason}</c>): the storage
    /// reads the two-tier window adds. <c>fingerprint_match</c> is every re-send of a spilled event and about one fresh
    /// event in 17,000 of shoppers with 64 events or more.
    /// </summary>
    public static readonly Counter<long> DedupRecordReads = Meter.CreateCounter<long>(
        "ecom.user.dedup.record_reads", unit: "{read}", description: "Reads of users' spilled dedup records, by reason");

    public static void CountDedupRead(string reason) =>
        DedupRecordReads.Add(1, new KeyValuePair<string, object?>(ReasonTag, reason));
}
