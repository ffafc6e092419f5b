using System.Security.Cryptography;
using System.Text;

namespace EcomOrleans.Silo.Security;

/// <summary>Rejects a request without the right <c>X-Api-Key</c> with 401 problem details.</summary>
internal sealed class ApiKeyEndpointFilter(ApiKey key) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var presented = context.HttpContext.Request.Headers[ApiKeyOptions.HeaderName].ToString();
        if (!key.Matches(presented))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Missing or wrong API key",
                detail: $"This endpoint changes state; send the engine's key in the {ApiKeyOptions.HeaderName} header.");
        }

        return await next(context);
    }
}

/// <summary>The effective API key, compared in constant time.</summary>
/// <param name="isGenerated">Whether no key was configured and this one was made for the process's lifetime.</param>
internal sealed class ApiKey(string value, bool isGenerated)
{
    private readonly byte[] _expected = Encoding.UTF8.GetBytes(value);

    public string Value => value;

    public bool IsGenerated => isGenerated;

    public bool Matches(string presented) =>
        presented.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _expected);
}
