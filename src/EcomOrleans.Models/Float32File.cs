using System.Runtime.InteropServices;

namespace EcomOrleans.Models;

/// <summary>The raw little-endian float32 format of <see cref="ModelFileNames.ItemEmbeddings"/>: values back to back, row-major, no header.</summary>
public static class Float32File
{
    public static byte[] Encode(ReadOnlySpan<float> values)
    {
        EnsureLittleEndian();
        return MemoryMarshal.AsBytes(values).ToArray();
    }

    /// <summary>The values of <paramref name="bytes"/>; a trailing partial value is an error.</summary>
    public static float[] Decode(ReadOnlySpan<byte> bytes)
    {
        EnsureLittleEndian();
        if (bytes.Length % sizeof(float) != 0)
        {
            throw new ModelContractException($"{bytes.Length} bytes are not a whole number of float32 values.");
        }

        return MemoryMarshal.Cast<byte, float>(bytes).ToArray();
    }

    // NOTE: the bytes are the machine's floats as they are; every supported .NET platform is little-endian.
    private static void EnsureLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Model files hold little-endian float32 values; this machine is big-endian.");
        }
    }
}
