using HeaderSync.Web.Status;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace HeaderSync.Web.Security;

/// <summary>
/// Entra access tokens for the status hub: issued for the portal's own app registration
/// (audience = its client id), e.g. to an automation client holding the admin app role.
/// </summary>
internal static class HubBearer
{
    /// <summary>Browsers cannot set headers on WebSockets; SignalR puts the token here.</summary>
    public const string QueryParameter = "access_token";

    public static void Configure(JwtBearerOptions options, AzureAdSettings azureAd)
    {
        options.Authority = azureAd.Authority;
        options.MapInboundClaims = false;
        options.TokenValidationParameters.ValidAudiences =
            [azureAd.ClientId, $"api://{azureAd.ClientId}"];

        // v2.0 tokens carry the first issuer, v1.0 tokens (the default for app registrations) the second.
        options.TokenValidationParameters.ValidIssuers =
            [azureAd.Authority, $"https://sts.windows.net/{azureAd.TenantId}/"];
        options.TokenValidationParameters.NameClaimType = "name";
        options.TokenValidationParameters.RoleClaimType = "roles";
        options.Events = new JwtBearerEvents
        {
            OnMessageReceived = context =>
            {
                var token = context.Request.Query[QueryParameter].ToString();
                if (token.Length > 0 && context.Request.Path.StartsWithSegments(SyncStatusHub.Path))
                {
                    context.Token = token;
                }

                return Task.CompletedTask;
            },
        };
    }
}
