namespace EcomOrleans.Silo.ApiReference;

/// <summary>
/// Where the API describes itself (configuration section <c>Api</c>). The OpenAPI document at
/// <c>/openapi/v1.json</c> is always served; the interactive reference page at <c>/scalar</c> only when
/// <see cref="Reference"/> says so.
/// </summary>
public sealed class ApiReferenceOptions
{
    public const string SectionName = "Api";

    /// <summary>
    /// Serve the API reference page at <c>/scalar</c>. Unset (the default): only in the Development environment, as a
    /// page to try requests from belongs on a developer's machine, not on every production silo.
    /// </summary>
    public bool? Reference { get; set; }
}
