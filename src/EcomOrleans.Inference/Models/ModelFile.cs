namespace EcomOrleans.Inference.Models;

/// <param name="Role">What the file is: itemEmbeddings, itemSkus, vocabulary, labels, learningCurve.</param>
/// <param name="Shape">The dimensions of its content, where it has some.</param>
public sealed record ModelFile(string Role, string File, string? Format = null, IReadOnlyList<long>? Shape = null);
