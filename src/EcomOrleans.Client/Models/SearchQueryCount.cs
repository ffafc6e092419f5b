namespace EcomOrleans.Client.Models;

/// <summary>How often a normalised query was searched, and how often no item was found for it.</summary>
public sealed record SearchQueryCount(string Query, long Searches, long WithoutItem, DateTimeOffset LastSeen);
