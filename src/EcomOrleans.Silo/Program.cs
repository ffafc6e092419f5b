using EcomOrleans.Silo.ApiReference;
using EcomOrleans.Silo.Apis;
using EcomOrleans.Silo.Demo;
using EcomOrleans.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddEcomServiceDefaults();
builder.AddEcomOrleans();
builder.AddEcomApi();
builder.AddEcomApiReference();
builder.AddEcomDemoCatalog();

var app = builder.Build();

app.UseEcomServiceDefaults();
app.MapEcomDefaultEndpoints();
app.MapEcomApiReference();
app.MapEventsApi();
app.MapUsersApi();
app.MapRecommendationsApi();
app.MapSkusApi();
app.MapInsightsApi();

return app.RunEngine();

/// <summary>The entry point; public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
