namespace EcomOrleans.Models;

/// <summary>One file beside a model, as a manifest's <c>files</c> lists it.</summary>
/// <param name="Role">What the file is (<see cref="ModelFileRoles"/>).</param>
/// <param name="File">Its name in the model folder (<see cref="ModelFileNames"/>).</param>
/// <param name="Shape">The dimensions of its content, where it has some.</param>
public sealed record ModelFile(string Role, string File, string? Format = null, IReadOnlyList<long>? Shape = null, string? Description = null);
