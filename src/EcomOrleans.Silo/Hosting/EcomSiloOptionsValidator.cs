using Microsoft.Extensions.Options;

namespace EcomOrleans.Silo.Hosting;

/// <summary>Validates <see cref="EcomSiloOptions"/> from its DataAnnotations (source-generated).</summary>
[OptionsValidator]
internal sealed partial class EcomSiloOptionsValidator : IValidateOptions<EcomSiloOptions>;
