namespace EcomOrleans.Grains.Tests.Common;

public sealed class MessageTextTests
{
    [Fact]
    public void FirstLine_ManyLines_IsTheFirstNonEmptyOneTrimmed() =>
        Assert.Equal("Retry failed after 3 tries.", MessageText.FirstLine("\r\n  Retry failed after 3 tries.  \r\nStatus: 500\nErrorCode: x"));

    [Fact]
    public void OneLine_ManyLines_JoinsThemWithSpaces() =>
        Assert.Equal("a b c", MessageText.OneLine("a\r\n\r\n b \nc"));

    [Fact]
    public void FirstLine_NoLineAtAll_IsTheTextItself() =>
        Assert.Equal("\r\n", MessageText.FirstLine("\r\n"));
}
