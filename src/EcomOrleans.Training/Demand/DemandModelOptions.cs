namespace EcomOrleans.Training.Demand;

/// <param name="Dropout">Dropout between LSTM layers (when there are several).</param>
/// <param name="HeadDropout">Dropout on the LSTM's last hidden state and on the head's hidden layer while training.</param>
internal sealed record DemandModelOptions(int Hidden = 32, int Layers = 1, double Dropout = 0.1, double HeadDropout = 0.4);
