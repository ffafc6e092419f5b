using Microsoft.Extensions.Options;

namespace EcomOrleans.Client;

/// <summary>Validates <see cref="EcomOrleansClientOptions"/> from its DataAnnotations (source-generated).</summary>
[OptionsValidator]
internal sealed partial class EcomOrleansClientOptionsValidator : IValidateOptions<EcomOrleansClientOptions>;
