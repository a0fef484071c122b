using HeaderSync.Simulator;
using System.Text.Json.Serialization;
using HeaderSync.Simulator.Delta;
using HeaderSync.Simulator.Evidence;
using HeaderSync.Simulator.Faults;
using HeaderSync.Simulator.Graph;
using HeaderSync.Simulator.Identity;
using HeaderSync.Simulator.Tenant;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HeaderSync.Simulator.Hosting;

/// <summary>Registers the simulated tenant's services and maps its endpoints.</summary>
internal static class SimulatorServices
{
    public static IServiceCollection AddSimulator(
        this IServiceCollection services, SimulatorOptions options, TimeProvider time, TenantState tenant)
    {
        services.AddSingleton(options);
        services.AddSingleton(time);
        services.AddSingleton(tenant);
        services.AddSingleton(tenant.Directory);
        services.AddSingleton(new FaultState(options.Faults));
        services.AddSingleton(new FaultDice(options.Seed));
        services.AddSingleton(new LinkTokenCodec(options.Seed));
        services.AddSingleton(new RequestLog(options.RecordRequests, time));
        services.AddSingleton<ThrottleGate>();
        services.AddSingleton<GraphPipeline>();
        services.AddSingleton<SigningKey>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<GraphTokenValidator>();
        services.AddSingleton<AuthorizationCodeStore>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return services;
    }

    public static IEndpointRouteBuilder MapSimulator(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => "HeaderSync simulated Microsoft 365 tenant");
        app.MapGraph();
        app.MapIdentity();
        app.MapEvidence();
        return app;
    }
}
