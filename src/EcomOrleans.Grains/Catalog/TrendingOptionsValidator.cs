using Microsoft.Extensions.Options;

namespace EcomOrleans.Grains.Catalog;

/// <summary>Validates <see cref="TrendingOptions"/> from its DataAnnotations (source-generated).</summary>
[OptionsValidator]
internal sealed partial class TrendingOptionsValidator : IValidateOptions<TrendingOptions>;
