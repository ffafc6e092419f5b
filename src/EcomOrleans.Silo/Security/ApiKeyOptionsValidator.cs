using Microsoft.Extensions.Options;

namespace EcomOrleans.Silo.Security;

/// <summary>Validates <see cref="ApiKeyOptions"/> from its DataAnnotations (source-generated).</summary>
[OptionsValidator]
internal sealed partial class ApiKeyOptionsValidator : IValidateOptions<ApiKeyOptions>;
