using Microsoft.Extensions.Options;

namespace EcomOrleans.Grains.Skus;

/// <summary>Validates <see cref="SkuGrainOptions"/> from its DataAnnotations (source-generated).</summary>
[OptionsValidator]
internal sealed partial class SkuGrainOptionsValidator : IValidateOptions<SkuGrainOptions>;
