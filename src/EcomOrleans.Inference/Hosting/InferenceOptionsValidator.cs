using Microsoft.Extensions.Options;

namespace EcomOrleans.Inference.Hosting;

/// <summary>Validates <see cref="InferenceOptions"/> and its three batchers from their DataAnnotations (source-generated).</summary>
[OptionsValidator]
internal sealed partial class InferenceOptionsValidator : IValidateOptions<InferenceOptions>;
