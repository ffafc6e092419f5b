namespace EcomOrleans.Training.Sequence;

/// <summary>Which held-out item to predict: leave-one-out holds the last item for test and the one before for validation.</summary>
internal enum HoldOut
{
    Validation,
    Test,
}
