using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace EcomOrleans.Configuration;

/// <summary>
/// Runs an options class's source-generated DataAnnotations validator (<see cref="OptionsValidatorAttribute"/>)
/// and words each failure by its full configuration key and the value it had:
/// <c>Grains:Users:SequenceLength must be between 1 and 1000 (was 0).</c> Attribute messages are written as
/// <c>"{0} must be between {1} and {2}"</c>; <c>{0}</c> is the key (the section is passed as the options name, so
/// the generator's display name is <c>Section.Member</c>). A member marked <see cref="PasswordPropertyTextAttribute"/>
/// shows only its length.
/// </summary>
public sealed class KeyedOptionsValidator<TOptions>(string section, IValidateOptions<TOptions> generated) : IValidateOptions<TOptions>
    where TOptions : class
{
    private const string GeneratedRangeOpening = "The field ";

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var result = generated.Validate(section, options);
        return result.Failed && result.Failures is { } failures
            ? ValidateOptionsResult.Fail(failures.Select(f => Word(f, options)))
            : result;
    }

    private string Word(string failure, TOptions options)
    {
        // The generator prefixes the member names ("SequenceLength: "); the key in the message says more.
        var text = failure.IndexOf(": ", StringComparison.Ordinal) is var colon and > 0 && failure[..colon].All(c => char.IsLetterOrDigit(c) || c is '.' or ',' or ' ' or '_')
            ? failure[(colon + 2)..]
            : failure;
        // NOTE: the generator's own copy of [Range] ignores ErrorMessage and always says "The field {0} must be
        // between {1} and {2}." (fixed English, not localised); drop its opening words to match OptionsMessages.Between.
        if (text.StartsWith(GeneratedRangeOpening, StringComparison.Ordinal))
        {
            text = text[GeneratedRangeOpening.Length..];
        }

        if (text.Contains(" (was ", StringComparison.Ordinal))
        {
            return text.TrimEnd('.') + "."; // The rule already says what the value was.
        }

        var keyEnd = text.IndexOf(' ', StringComparison.Ordinal);
        if (keyEnd < 0 || !text.StartsWith(section, StringComparison.Ordinal) || text.Length == section.Length || text[section.Length] is not ('.' or ':'))
        {
            return text;
        }

        var path = text[(section.Length + 1)..keyEnd].Split('.', ':');
        var key = section + ":" + string.Join(':', path);
        return $"{key}{text[keyEnd..].TrimEnd('.')} (was {Describe(options, path)}).";
    }

    private static string Describe(object options, string[] path)
    {
        object? value = options;
        PropertyInfo? property = null;
        foreach (var member in path)
        {
            property = value?.GetType().GetProperty(member);
            if (property is null)
            {
                return "?";
            }

            value = property.GetValue(value);
        }

        return value switch
        {
            null => "unset",
            string secret when property!.GetCustomAttribute<PasswordPropertyTextAttribute>() is { Password: true } => $"{secret.Length} characters",
            string text => $"'{text}'",
            TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "?",
        };
    }
}
