using Microsoft.Extensions.Options;

namespace EcomOrleans.Grains.Insights;

/// <summary>Validates <see cref="SearchDemandOptions"/> from its DataAnnotations (source-generated).</summary>
[OptionsValidator]
internal sealed partial class SearchDemandOptionsValidator : IValidateOptions<SearchDemandOptions>;
