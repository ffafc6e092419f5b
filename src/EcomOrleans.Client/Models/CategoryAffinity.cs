namespace EcomOrleans.Client.Models;

/// <summary>How strongly a user leans to a category, exponentially decayed with age.</summary>
public sealed record CategoryAffinity(string Category, double Score);
