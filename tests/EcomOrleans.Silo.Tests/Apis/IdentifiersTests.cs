using EcomOrleans.Silo.Apis;

namespace EcomOrleans.Silo.Tests.Apis;

public sealed class IdentifiersTests
{
    [Theory]
    [InlineData("u-1")]
    [InlineData("beauty.17:a_b-c")]
    public void IsValidId_LettersDigitsAndSeparators_Accepted(string id) => Assert.True(Identifiers.IsValidId(id));

    [Theory]
    [InlineData("u-1\n")]
    [InlineData("u-1\r\n")]
    [InlineData(" u-1")]
    [InlineData("u-1 ")]
    [InlineData("u\0-1")]
    [InlineData("-u1")]
    [InlineData("")]
    public void IsValidId_NewlineSpaceNulOrBadStart_Refused(string id) => Assert.False(Identifiers.IsValidId(id));

    [Fact]
    public void IsValidId_At128Accepted_At129Refused()
    {
        Assert.True(Identifiers.IsValidId(new string('a', 128)));
        Assert.False(Identifiers.IsValidId(new string('a', 129)));
    }

    [Fact]
    public void IsValidSku_At64Accepted_At65Refused()
    {
        Assert.True(Identifiers.IsValidSku(new string('a', 64)));
        Assert.False(Identifiers.IsValidSku(new string('a', 65)));
    }

    [Theory]
    [InlineData("beauty-17\n")]
    [InlineData(" beauty-17")]
    [InlineData("beauty-17 ")]
    [InlineData("beauty\0-17")]
    public void IsValidSku_NewlineSpaceOrNul_Refused(string sku) => Assert.False(Identifiers.IsValidSku(sku));
}
