using System.Security.Cryptography;
using System.Text;
using EcomOrleans.Silo.ApiReference;
using Microsoft.Extensions.Options;

namespace EcomOrleans.Silo.Security;

/// <summary>
/// Lets a request through when its <c>X-Api-Key</c> has <paramref name="role"/>: 401 problem details without a
/// known key, 403 with one that lacks the role.
/// </summary>
internal sealed class ApiKeyEndpointFilter(string role) : IEndpointFilter
{
    // NOTE: not async: on every request, and a key that passes costs no state machine.
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.RequestServices.GetRequiredService<ApiKeyRing>().Check(context.HttpContext, role) is { } refused
            ? ValueTask.FromResult<object?>(refused)
            : next(context);
}

/// <summary>The keys in effect, rebuilt when configuration reloads; a presented key is found by its SHA-256.</summary>
internal sealed class ApiKeyRing : IDisposable
{
    private readonly ApiKey _primary;
    private readonly IDisposable? _subscription;
    private volatile Ring _ring;

    public ApiKeyRing(ApiKey primary, IOptionsMonitor<ApiKeyOptions> options)
    {
        _primary = primary;
        _ring = Build(options.CurrentValue);
        _subscription = options.OnChange(changed => _ring = Build(changed));
    }

    /// <summary>Null when the request may go on; otherwise the 401 or 403 to answer.</summary>
    public IResult? Check(HttpContext context, string role)
    {
        var ring = _ring;
        if (role == ApiRoles.Read && ring.AnonymousReads)
        {
            return null;
        }

        var presented = context.Request.Headers[ApiKeyOptions.HeaderName].ToString();
        if (presented.Length == 0 || Find(ring, presented) is not { } caller)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Missing or wrong API key",
                detail: $"Send a key with the '{role}' role in the {ApiKeyOptions.HeaderName} header.");
        }

        if (!caller.Roles.Contains(role) && !caller.Roles.Contains(ApiRoles.Admin))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "This key may not do that",
                detail: $"The key '{caller.Name}' has the roles {string.Join(", ", caller.Roles.Order(StringComparer.Ordinal))}; this needs '{role}'.");
        }

        return null;
    }

    public void Dispose() => _subscription?.Dispose();

    private (string Name, IReadOnlySet<string> Roles)? Find(Ring ring, string presented)
    {
        if (_primary.Matches(presented))
        {
            return ("primary", AdminOnly);
        }

        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), digest);
        return ring.ByHash.TryGetValue(Convert.ToHexStringLower(digest), out var named) ? named : null;
    }

    private static readonly IReadOnlySet<string> AdminOnly = new HashSet<string>([ApiRoles.Admin], StringComparer.Ordinal);

    private static Ring Build(ApiKeyOptions options) => new(
        options.Keys
            .Where(k => k.Value.Hash is { Length: 71 })
            .GroupBy(k => k.Value.Hash!["sha256:".Length..].ToLowerInvariant(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.First().Key, ApiRoles.Parse(g.First().Value.Roles).Known), StringComparer.Ordinal),
        options.AnonymousReads);

    private sealed record Ring(Dictionary<string, (string Name, IReadOnlySet<string> Roles)> ByHash, bool AnonymousReads);
}

/// <summary>The all-roles key (<c>Security:ApiKey</c>, or one made for this process), compared in constant time.</summary>
/// <param name="isGenerated">Whether no key was configured and this one was made for the process's lifetime.</param>
internal sealed class ApiKey(string value, bool isGenerated)
{
    private readonly byte[] _expected = Encoding.UTF8.GetBytes(value);

    public string Value => value;

    public bool IsGenerated => isGenerated;

    /// <summary>Keys encoded on the stack: up to 256 characters (a header is rarely longer).</summary>
    private const int MaxStackKeyLength = 256;

    public bool Matches(string presented)
    {
        if (presented.Length == 0)
        {
            return false;
        }

        if (presented.Length > MaxStackKeyLength)
        {
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _expected);
        }

        Span<byte> utf8 = stackalloc byte[MaxStackKeyLength * 3];
        var length = Encoding.UTF8.GetBytes(presented, utf8);
        return CryptographicOperations.FixedTimeEquals(utf8[..length], _expected);
    }
}

/// <summary>Endpoint metadata: the role the API key filter asks for, which the OpenAPI document requires a key for.</summary>
internal sealed record ApiRoleMetadata(string Role);

/// <summary>Endpoints name the role they need, and so declare the 401 and 403 the filter answers.</summary>
internal static class ApiRoleEndpointExtensions
{
    public static RouteHandlerBuilder RequireApiRole(this RouteHandlerBuilder endpoint, string role) =>
        endpoint.AddEndpointFilter(new ApiKeyEndpointFilter(role))
            .WithMetadata(new ApiRoleMetadata(role))
            .AnswersProblem(StatusCodes.Status401Unauthorized, ApiResponses.Unauthorized, ApiExamples.Unauthorized(role))
            .AnswersProblem(StatusCodes.Status403Forbidden, ApiResponses.Forbidden, ApiExamples.Forbidden(role));
}
