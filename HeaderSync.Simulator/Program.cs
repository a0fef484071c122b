namespace HeaderSync.Simulator;

internal static class SimulatorProgram
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/", () => "HeaderSync simulated tenant");
        await app.RunAsync();
    }
}
