namespace EcomOrleans.Training.Intent;

internal sealed record IntentModelOptions(int VocabularySize, int LabelCount, int Dim = 64, int Layers = 2, int Heads = 4, int MaxLength = 64, double Dropout = 0.1);
