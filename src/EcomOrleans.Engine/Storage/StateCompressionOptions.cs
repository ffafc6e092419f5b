using System.ComponentModel.DataAnnotations;
using EcomOrleans.Configuration;
using Microsoft.Extensions.Options;

namespace EcomOrleans.Engine.Storage;

/// <summary>
/// Whether grain state is stored compressed (configuration section <c>Storage:Compression</c>): the JSON of a state
/// at least <see cref="MinimumBytes"/> long is written Brotli-compressed behind a two-byte header
/// (<see cref="CompressedGrainStorageSerializer"/>). Either form is read whatever this says.
/// </summary>
public sealed class StateCompressionOptions
{
    public const string SectionName = "Storage:Compression";

    /// <summary>Default true. False writes every state as plain JSON (readable with any Redis or table browser).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// States whose JSON is shorter stay plain JSON. Default 2,048 bytes: under that the header and Brotli's own framing
    /// save little, and most writes (a SKU's hot facts, a new shopper) are that small.
    /// </summary>
    [Range(0, 1_000_000, ErrorMessage = OptionsMessages.Between)]
    public int MinimumBytes { get; set; } = 2048;
}

/// <summary>Validates <see cref="StateCompressionOptions"/> from its DataAnnotations (source-generated).</summary>
[OptionsValidator]
internal sealed partial class StateCompressionOptionsValidator : IValidateOptions<StateCompressionOptions>;
