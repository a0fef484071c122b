using Microsoft.Extensions.Options;

namespace HeaderSync.Web.Security;

/// <summary>
/// The <c>AzureAd</c> settings the portal checks itself before Identity.Web reads them, so a
/// wrong value stops the start naming its key instead of failing the first sign-in.
/// </summary>
public sealed class AzureAdSettings
{
    public const string Section = "AzureAd";

    public string Instance { get; set; } = "";

    public string TenantId { get; set; } = "";

    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    public string CallbackPath { get; set; } = "/signin-oidc";

    /// <summary>The v2.0 authority, e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c>.</summary>
    public string Authority => $"{Instance.TrimEnd('/')}/{TenantId}/v2.0";
}

internal sealed class AzureAdSettingsValidator(IHostEnvironment environment)
    : IValidateOptions<AzureAdSettings>
{
    public ValidateOptionsResult Validate(string? name, AzureAdSettings options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.Instance, UriKind.Absolute, out var instance))
        {
            failures.Add("AzureAd:Instance must be an absolute URL such as https://login.microsoftonline.com/.");
        }

        // A plain-http authority is the simulated tenant's; nothing else may sign users in over it.
        else if (instance.Scheme != Uri.UriSchemeHttps && !environment.IsDevelopment())
        {
            failures.Add($"AzureAd:Instance must use https outside Development (was {options.Instance}).");
        }

        if (string.IsNullOrWhiteSpace(options.TenantId))
        {
            failures.Add("AzureAd:TenantId is required: the directory (tenant) id of the app registration.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add("AzureAd:ClientId is required: the application (client) id of the portal.");
        }

        if (!options.CallbackPath.StartsWith('/'))
        {
            failures.Add($"AzureAd:CallbackPath must start with '/' (was {options.CallbackPath}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
