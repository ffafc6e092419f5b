using Microsoft.Extensions.Options;

namespace EcomOrleans.Grains.Recommendations;

/// <summary>Validates <see cref="RecommendationOptions"/> from its DataAnnotations (source-generated).</summary>
[OptionsValidator]
internal sealed partial class RecommendationOptionsValidator : IValidateOptions<RecommendationOptions>;
