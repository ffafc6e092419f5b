using System.Text.Json;

namespace EcomOrleans.LoadGen.Tests.Support;

/// <summary>One request as the stub engine received it.</summary>
internal sealed record StubRequest(HttpMethod Method, string Path, string? ApiKey, string? ContentType, string Body)
{
    public int EventCount
    {
        get
        {
            if (Method != HttpMethod.Post)
            {
                return 0;
            }

            using var json = JsonDocument.Parse(Body);
            return json.RootElement.GetProperty("events").GetArrayLength();
        }
    }
}
