namespace EcomOrleans.LoadGen.Http;

/// <summary>The engine answered 401 or 403: every further request would fail the same way, so the run stops.</summary>
public sealed class ApiKeyRejectedException(int statusCode)
    : Exception($"The engine rejected the API key ({statusCode}). Pass --api-key or set ECOM_API_KEY to the silo's Security__ApiKey.")
{
    public int StatusCode { get; } = statusCode;
}
