namespace EcomOrleans.LoadGen.Datasets;

/// <summary>What a session data set recorded.</summary>
public enum RecordedKind
{
    Click,
    Cart,
    Order,
}
