namespace EcomOrleans.LoadGen.Http;

/// <summary>
/// A request got no answer through all its retries (about 25 s with the defaults): the engine is down, not
/// restarting, so the run stops instead of spending that long on every remaining request.
/// </summary>
public sealed class EngineUnreachableException(Uri? engine, int attempts)
    : Exception($"No answer from the engine at {engine} after {attempts} attempts. Is it running? Check --url.");
