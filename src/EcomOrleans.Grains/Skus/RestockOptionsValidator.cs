using Microsoft.Extensions.Options;

namespace EcomOrleans.Grains.Skus;

/// <summary>Validates <see cref="RestockOptions"/> from its DataAnnotations (source-generated).</summary>
[OptionsValidator]
internal sealed partial class RestockOptionsValidator : IValidateOptions<RestockOptions>;
