namespace EcomOrleans.Training.Intent;

internal sealed record LabelledUtterance(string Text, string Intent);
