using Microsoft.Extensions.Options;

namespace EcomOrleans.Grains.Users;

/// <summary>Validates <see cref="UserGrainOptions"/> from its DataAnnotations (source-generated).</summary>
[OptionsValidator]
internal sealed partial class UserGrainOptionsValidator : IValidateOptions<UserGrainOptions>;
