using Microsoft.Extensions.Options;

namespace EcomOrleans.Grains.Catalog;

/// <summary>Validates <see cref="CatalogOptions"/> from its DataAnnotations (source-generated).</summary>
[OptionsValidator]
internal sealed partial class CatalogOptionsValidator : IValidateOptions<CatalogOptions>;
