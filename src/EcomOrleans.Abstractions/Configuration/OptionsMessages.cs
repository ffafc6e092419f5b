namespace EcomOrleans.Configuration;

/// <summary>
/// The wording of option rules, for DataAnnotations' <c>ErrorMessage</c>; <c>{0}</c> becomes the configuration key
/// and <see cref="KeyedOptionsValidator{TOptions}"/> adds the value it had.
/// </summary>
public static class OptionsMessages
{
    /// <summary>For <c>[Range]</c>: <c>Grains:Users:SequenceLength must be between 1 and 1000 (was 0).</c></summary>
    public const string Between = "{0} must be between {1} and {2}";

    /// <summary>For <c>[Required]</c>.</summary>
    public const string Required = "{0} must be set and not blank";

    /// <summary>For <c>[MinLength]</c>.</summary>
    public const string MinLength = "{0} must be at least {1} characters long";
}
