namespace EcomOrleans.Training.Sequence;

/// <summary>Names the serving side codes against.</summary>
internal static class SequenceModelContract
{
    public const string Input = "item_ids";
    public const string Output = "user_embedding";
}
