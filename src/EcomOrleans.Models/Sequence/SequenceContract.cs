namespace EcomOrleans.Models.Sequence;

/// <summary>
/// The sequence encoder's contract: left-padded item ids [batch, length] (0 = padding, newest last) to a
/// user embedding [batch, dim]; item i scores dot(user_embedding, item_embeddings[i]).
/// </summary>
public static class SequenceContract
{
    public const string Input = "item_ids";
    public const string Output = "user_embedding";

    /// <summary>Most recent items read when the manifest names no maxLength and the input length is dynamic.</summary>
    public const int DefaultMaxLength = 50;
}
