namespace EcomOrleans.Training.Demand;

/// <summary>What the training loss divides each window's errors by.</summary>
internal enum DemandLossScale
{
    /// <summary>The window's mean daily units (at least 1), the scale the model's input is normalised by.</summary>
    Window,

    /// <summary>RMSSE's scale: the root mean squared one-step change of the series up to the window's origin.</summary>
    Rmsse,
}
