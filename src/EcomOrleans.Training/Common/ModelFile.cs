namespace EcomOrleans.Training.Common;

/// <param name="Role">What the file is (itemEmbeddings, itemSkus, vocabulary, labels, learningCurve).</param>
internal sealed record ModelFile(string Role, string File, string? Format = null, IReadOnlyList<long>? Shape = null, string? Description = null);
