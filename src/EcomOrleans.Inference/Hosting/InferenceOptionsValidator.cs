using Microsoft.Extensions.Options;

namespace EcomOrleans.Inference.Hosting;

/// <summary>Fails start-up with every invalid <c>Inference:*</c> setting named.</summary>
internal sealed class InferenceOptionsValidator : IValidateOptions<InferenceOptions>
{
    public ValidateOptionsResult Validate(string? name, InferenceOptions options)
    {
        var failures = options.Validate().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
