namespace EcomOrleans.LoadGen.Datasets;

/// <summary>One line of OTTO's JSONL: <c>{ "session": 0, "events": [ { "aid": 1, "ts": 1659304800025, "type": "clicks" } ] }</c>.</summary>
public sealed record OttoSession(long Session, OttoEvent[] Events);
