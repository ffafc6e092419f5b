using System.ComponentModel.DataAnnotations;
using System.Net;

namespace EcomOrleans.Silo.Hosting;

/// <summary>A string that parses as an IPv4 or IPv6 address; <see langword="null"/> passes (pair it with <c>[Required]</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class IPAddressTextAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is null || (value is string text && IPAddress.TryParse(text, out _));
}
