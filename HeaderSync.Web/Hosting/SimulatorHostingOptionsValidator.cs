using Microsoft.Extensions.Options;

namespace HeaderSync.Web.Hosting;

/// <summary>
/// The simulated tenant is a development, evaluation and test feature: outside Development any
/// <c>Simulator:*</c> setting fails the start, so a production portal can never reach it.
/// </summary>
internal sealed class SimulatorHostingOptionsValidator(
    IHostEnvironment environment, IConfiguration configuration)
    : IValidateOptions<SimulatorHostingOptions>
{
    public ValidateOptionsResult Validate(string? name, SimulatorHostingOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();

        if (!environment.IsDevelopment())
        {
            foreach (var setting in configuration.GetSection(SimulatorHostingOptions.Section)
                .AsEnumerable(makePathsRelative: false).Where(s => s.Value is not null))
            {
                builder.AddError($"{setting.Key} is set, but the simulated tenant is available "
                    + $"only in Development (environment is {environment.EnvironmentName}).");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.Url)
            && !(Uri.TryCreate(options.Url, UriKind.Absolute, out var url)
                && url.Scheme is "http" or "https"))
        {
            builder.AddError($"Simulator:Url '{options.Url}' is not an absolute http(s) URL.");
        }

        return builder.Build();
    }
}
