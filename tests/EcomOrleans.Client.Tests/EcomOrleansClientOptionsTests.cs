using Microsoft.Extensions.Options;

namespace EcomOrleans.Client.Tests;

/// <summary>A bad option is refused when the client is built, with a message that names it.</summary>
public sealed class EcomOrleansClientOptionsTests
{
    private const string Url = "BaseAddress: EcomOrleansClientOptions.BaseAddress must be an absolute http or https URL, like http://127.0.0.1:5080";
    private const string Retries = "MaxRetries: The field EcomOrleansClientOptions.MaxRetries must be between 0 and 10.";

    public static TheoryData<Action<EcomOrleansClientOptions>, string> BadValues => new()
    {
        { o => o.BaseAddress = null, "BaseAddress: EcomOrleansClientOptions.BaseAddress must be set" },
        { o => o.BaseAddress = new Uri("/engine", UriKind.Relative), Url },
        { o => o.BaseAddress = new Uri("ftp://engine.test/"), Url },
        { o => o.ApiKey = "", "ApiKey: EcomOrleansClientOptions.ApiKey must not be empty when set" },
        { o => o.Timeout = TimeSpan.Zero, "Timeout: The field EcomOrleansClientOptions.Timeout must be between 00:00:00.0010000 and 1.00:00:00." },
        { o => o.MaxRetries = -1, Retries },
        { o => o.MaxRetries = 11, Retries },
        { o => o.RetryBaseDelay = TimeSpan.FromMinutes(2), "RetryBaseDelay: The field EcomOrleansClientOptions.RetryBaseDelay must be between 00:00:00 and 00:01:00." },
        { o => o.MaxRetryDelay = TimeSpan.FromSeconds(-1), "MaxRetryDelay: The field EcomOrleansClientOptions.MaxRetryDelay must be between 00:00:00 and 00:10:00." },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Create_BadValue_FailsNamingIt(Action<EcomOrleansClientOptions> spoil, string expected)
    {
        var options = new EcomOrleansClientOptions { BaseAddress = new Uri("http://127.0.0.1:5080") };
        spoil(options);

        var error = Assert.Throws<OptionsValidationException>(() => EcomOrleansClient.Create(options));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Create_SeveralBadValues_NamesEach()
    {
        var options = new EcomOrleansClientOptions { ApiKey = "", MaxRetries = 20 };

        var error = Assert.Throws<OptionsValidationException>(() => EcomOrleansClient.Create(options));

        Assert.Equal(
            "BaseAddress: EcomOrleansClientOptions.BaseAddress must be set; " +
            "ApiKey: EcomOrleansClientOptions.ApiKey must not be empty when set; " +
            Retries,
            error.Message);
    }

    [Fact]
    public void Defaults_AreDocumentedValues()
    {
        var options = new EcomOrleansClientOptions();

        Assert.Equal(
            ((Uri?)null, (string?)null, TimeSpan.FromSeconds(30), 3, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(30)),
            (options.BaseAddress, options.ApiKey, options.Timeout, options.MaxRetries, options.RetryBaseDelay, options.MaxRetryDelay));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("https://engine.example.com/edge/")]
    public void Create_ValidBaseAddress_Builds(string baseAddress)
    {
        using var client = EcomOrleansClient.Create(new EcomOrleansClientOptions { BaseAddress = new Uri(baseAddress), ApiKey = "k", MaxRetries = 0 });

        Assert.NotNull(client);
    }
}
