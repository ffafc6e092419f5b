namespace EcomOrleans.Training.Intent;

/// <param name="Flags">Bitext's variation flags of the utterance (B basic, Z noise, Q colloquial ...), empty when unknown.</param>
internal sealed record LabelledUtterance(string Text, string Intent, string Flags = "");
