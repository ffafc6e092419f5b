using Xunit.Sdk;

namespace EcomOrleans.Silo.Tests;

/// <summary>The README check must fail when README and the engine disagree, or it proves nothing.</summary>
public sealed class ReadmeBodyShapeTests
{
    [Theory]
    [InlineData("""{"accepted":4,"duplicates":0}""", """{"accepted":4,"duplicates":0}""")]
    [InlineData("""{"id":"rec-...","score":1.5, ...}""", """{"id":"rec-3f0c","score":7.25,"more":[1]}""")]
    [InlineData("""{"items":[{"sku":"a"}, ...]}""", """{"items":[{"sku":"a"},{"sku":"b"}]}""")]
    [InlineData("""{"a":1, ..., "c":3}""", """{"a":1,"b":2,"c":3}""")]
    [InlineData("Healthy", "Healthy")]
    public void AssertMatches_AnswerAsShown_Passes(string shown, string actual) =>
        ReadmeBodyShape.AssertMatches(shown, actual, "GET /x");

    [Theory]
    [InlineData("""{"accepted":4,"duplicates":0}""", """{"accepted":3,"duplicates":0}""", "$.accepted: expected 4, got 3")]
    [InlineData("""{"accepted":4}""", """{"accepted":4,"duplicates":0}""", "$: has duplicates, which README does not show (add them, or '...')")]
    [InlineData("""{"id":"rec-..."}""", """{"id":"x-1"}""", "$.id: expected a string starting 'rec-', got \"x-1\"")]
    [InlineData("""{"items":[{"sku":"a"}, ...]}""", """{"items":[]}""", "$.items: expected at least 1 items, got 0")]
    [InlineData("""{"items":[{"sku":"a"}]}""", """{"items":[{"sku":"a"},{"sku":"b"}]}""", "$.items: expected 1 items, got 2")]
    [InlineData("""{"score":1.5}""", """{"score":"high"}""", "$.score: expected a number, got \"high\"")]
    [InlineData("""{"title":"Unknown user", ...}""", """{"status":404}""", "$.title: missing")]
    public void AssertMatches_AnswerThatDiffers_FailsNamingWhere(string shown, string actual, string problem)
    {
        var failure = Assert.ThrowsAny<XunitException>(() => ReadmeBodyShape.AssertMatches(shown, actual, "GET /x"));

        Assert.StartsWith($"GET /x: {problem}\n", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AssertMatches_TextThatDiffers_Fails()
    {
        var failure = Assert.ThrowsAny<XunitException>(() => ReadmeBodyShape.AssertMatches("Healthy", "Unhealthy", "GET /health/ready"));

        Assert.StartsWith("GET /health/ready: README shows 'Healthy', the engine answered 'Unhealthy'.", failure.Message, StringComparison.Ordinal);
    }
}
