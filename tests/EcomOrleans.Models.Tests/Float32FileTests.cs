namespace EcomOrleans.Models.Tests;

public sealed class Float32FileTests
{
    [Fact]
    public void EncodeThenDecode_Values_RoundTripAsLittleEndianFloat32()
    {
        float[] values = [1.5f, -2f, float.Epsilon, 0];

        var bytes = Float32File.Encode(values);

        Assert.Equal(16, bytes.Length);
        Assert.Equal([0x00, 0x00, 0xC0, 0x3F], bytes[..4]);
        Assert.Equal(values, Float32File.Decode(bytes));
    }

    [Fact]
    public void Decode_PartialValue_FailsSayingSo()
    {
        var error = Assert.Throws<ModelContractException>(() => Float32File.Decode(new byte[6]));

        Assert.Equal("6 bytes are not a whole number of float32 values.", error.Message);
    }
}
