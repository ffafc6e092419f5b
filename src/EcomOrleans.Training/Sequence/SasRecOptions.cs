namespace EcomOrleans.Training.Sequence;

/// <param name="ItemCount">Largest item id; the table has ItemCount + 1 rows, row 0 padding.</param>
/// <param name="MaxLength">Window of most recent items the model reads (default 50).</param>
internal sealed record SasRecOptions(int ItemCount, int Dim = 64, int Layers = 2, int Heads = 2, int MaxLength = 50, double Dropout = 0.3);
