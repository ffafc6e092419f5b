using System.Globalization;
using System.Text.Json.Serialization;

namespace EcomOrleans.Models;

/// <summary>
/// One dimension of a tensor spec: a fixed size (a JSON number) or a symbolic name such as
/// <c>batch</c> (a JSON string) for a dynamic one.
/// </summary>
[JsonConverter(typeof(TensorDimensionJsonConverter))]
public readonly record struct TensorDimension
{
    private TensorDimension(long? size, string? symbol) => (Size, Symbol) = (size, symbol);

    /// <summary>The fixed size, or null for a symbolic dimension.</summary>
    public long? Size { get; }

    /// <summary>The symbolic name, or null for a fixed dimension.</summary>
    public string? Symbol { get; }

    /// <summary>The fixed size, or -1 when the dimension is dynamic (symbolic, or written as -1).</summary>
    public long Fixed => Size is { } size && size >= 0 ? size : -1;

    public static TensorDimension Of(long size) => new(size, null);

    public static TensorDimension Named(string symbol) => new(null, symbol ?? throw new ArgumentNullException(nameof(symbol)));

    public static implicit operator TensorDimension(long size) => Of(size);

    public static implicit operator TensorDimension(string symbol) => Named(symbol);

    /// <summary>As a manifest shows it: <c>batch</c> or <c>8</c>.</summary>
    public override string ToString() => Symbol ?? Size?.ToString(CultureInfo.InvariantCulture) ?? "";
}
