using Microsoft.Extensions.Options;

namespace EcomOrleans.Grains.Skus;

/// <summary>Validates <see cref="PricingOptions"/> from its DataAnnotations (source-generated).</summary>
[OptionsValidator]
internal sealed partial class PricingOptionsValidator : IValidateOptions<PricingOptions>;
