using Microsoft.Extensions.Options;

namespace EcomOrleans.Grains.Skus;

/// <summary>Validates <see cref="ForecastOptions"/> from its DataAnnotations (source-generated).</summary>
[OptionsValidator]
internal sealed partial class ForecastOptionsValidator : IValidateOptions<ForecastOptions>;
