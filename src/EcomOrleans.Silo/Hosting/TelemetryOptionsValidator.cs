using Microsoft.Extensions.Options;

namespace EcomOrleans.Silo.Hosting;

/// <summary>Validates <see cref="TelemetryOptions"/> from its DataAnnotations (source-generated).</summary>
[OptionsValidator]
internal sealed partial class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>;
