using Microsoft.Extensions.Options;

namespace EcomOrleans.Silo.Ingestion;

/// <summary>Validates <see cref="IngestionOptions"/> from its DataAnnotations (source-generated).</summary>
[OptionsValidator]
internal sealed partial class IngestionOptionsValidator : IValidateOptions<IngestionOptions>;
