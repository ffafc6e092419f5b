using Microsoft.Extensions.Options;

namespace EcomOrleans.Inference.Batching;

/// <summary>Validates <see cref="BatcherOptions"/> from its DataAnnotations (source-generated), for batchers built outside the options system.</summary>
[OptionsValidator]
internal sealed partial class BatcherOptionsValidator : IValidateOptions<BatcherOptions>;
