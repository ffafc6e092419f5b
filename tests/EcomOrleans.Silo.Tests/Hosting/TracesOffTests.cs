using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace EcomOrleans.Silo.Tests.Hosting;

/// <summary>The default engine (no OTLP endpoint, <c>Telemetry:Traces</c> off) traces nothing.</summary>
[Collection(EngineCollection.Name)]
public sealed class TracesOffTests(EngineFactory engine)
{
    [Fact]
    public void GrainCalls_TracesOff_PassNoActivityPropagationFilter()
    {
        var filters = engine.Services.GetServices<IIncomingGrainCallFilter>().ToList();

        Assert.DoesNotContain(filters, TracingTests.IsActivityPropagation);
    }
}
