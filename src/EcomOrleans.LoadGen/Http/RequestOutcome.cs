using EcomOrleans.Client.Models;

namespace EcomOrleans.LoadGen.Http;

/// <summary>How one logical request ended after its retries.</summary>
/// <param name="StatusCode">The last HTTP status, or <see cref="NoResponse"/> when the last attempt got none (refused, reset, timed out).</param>
/// <param name="Attempts">HTTP attempts made, 1 when the first succeeded.</param>
/// <param name="Ingest">The ingestion answer of a successful <c>POST /api/events</c>.</param>
public readonly record struct RequestOutcome(int StatusCode, int Attempts, IngestResponse? Ingest)
{
    public const int NoResponse = 0;

    public bool Succeeded => StatusCode is >= 200 and < 300;
}
