using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using HeaderSync.Simulator.Tenant;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HeaderSync.Simulator.Identity;

/// <summary>The Entra-shaped endpoints: discovery, keys, authorize, token and logout.</summary>
internal static class IdentityEndpoints
{
    public static IEndpointRouteBuilder MapIdentity(this IEndpointRouteBuilder app)
    {
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", Discovery);
        app.MapGet("/{tenant}/discovery/v2.0/keys", Keys);
        app.MapGet("/{tenant}/oauth2/v2.0/authorize", Authorize);
        app.MapPost("/{tenant}/oauth2/v2.0/token", TokenAsync).DisableAntiforgery();
        app.MapGet("/{tenant}/oauth2/v2.0/logout", Logout);
        return app;
    }

    public static string Root(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    private static bool KnownTenant(TenantDirectory directory, string tenant) =>
        tenant.Equals(directory.TenantId.ToString(), StringComparison.OrdinalIgnoreCase)
        || tenant is "common" or "organizations"
        || directory.Domains.Any(d => d.Name.Equals(tenant, StringComparison.OrdinalIgnoreCase));

    private static IResult UnknownTenant(string tenant) =>
        OAuthErrors.Create("invalid_tenant", 90002, $"Tenant '{tenant}' not found.");

    private static IResult Discovery(string tenant, HttpRequest request, TenantDirectory directory)
    {
        if (!KnownTenant(directory, tenant))
        {
            return UnknownTenant(tenant);
        }

        var root = Root(request);
        var tid = directory.TenantId;
        return Results.Json(new Dictionary<string, object>
        {
            ["token_endpoint"] = $"{root}/{tid}/oauth2/v2.0/token",
            ["token_endpoint_auth_methods_supported"] =
                (List<string>)["client_secret_post", "client_secret_basic"],
            ["jwks_uri"] = $"{root}/{tid}/discovery/v2.0/keys",
            ["response_modes_supported"] = (List<string>)["query", "fragment", "form_post"],
            ["subject_types_supported"] = (List<string>)["pairwise"],
            ["id_token_signing_alg_values_supported"] = (List<string>)["RS256"],
            ["response_types_supported"] =
                (List<string>)["code", "id_token", "code id_token", "id_token token"],
            ["scopes_supported"] = (List<string>)["openid", "profile", "email", "offline_access"],
            ["issuer"] = $"{root}/{tid}/v2.0",
            ["request_uri_parameter_supported"] = false,
            ["authorization_endpoint"] = $"{root}/{tid}/oauth2/v2.0/authorize",
            ["end_session_endpoint"] = $"{root}/{tid}/oauth2/v2.0/logout",
            ["http_logout_supported"] = true,
            ["frontchannel_logout_supported"] = true,
            ["code_challenge_methods_supported"] = (List<string>)["S256"],
            ["claims_supported"] = (List<string>)
            [
                "sub", "iss", "aud", "exp", "iat", "nonce", "name", "preferred_username", "oid", "tid",
                "roles", "email",
            ],
            ["tenant_region_scope"] = "EU",
            ["cloud_instance_name"] = "microsoftonline.com",
        });
    }

    private static IResult Keys(string tenant, TenantDirectory directory, SigningKey key, HttpRequest request)
    {
        if (!KnownTenant(directory, tenant))
        {
            return UnknownTenant(tenant);
        }

        return Results.Json(new
        {
            keys = new[]
            {
                new Dictionary<string, string>
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["alg"] = "RS256",
                    ["kid"] = key.KeyId,
                    ["n"] = key.Modulus,
                    ["e"] = key.Exponent,
                    ["issuer"] = $"{Root(request)}/{directory.TenantId}/v2.0",
                },
            },
        });
    }

    private static IResult Authorize(
        string tenant, HttpRequest request, TenantDirectory directory, AuthorizationCodeStore codes,
        TokenIssuer issuer)
    {
        var q = request.Query;
        var clientId = q["client_id"].ToString();
        var redirectUri = q["redirect_uri"].ToString();
        if (!KnownTenant(directory, tenant))
        {
            return UnknownTenant(tenant);
        }

        if (directory.FindApplication(clientId) is null)
        {
            return OAuthErrors.Create("unauthorized_client", 700016,
                $"Application with identifier '{clientId}' was not found in the directory.");
        }

        // Any loopback redirect URI is accepted, so a portal on any local port can sign in.
        if (!Uri.TryCreate(redirectUri, UriKind.Absolute, out var redirect) || !redirect.IsLoopback)
        {
            return OAuthErrors.Create("invalid_request", 50011, "The redirect URI must be a loopback address.");
        }

        if (!q["response_type"].ToString().Split(' ').Contains("code"))
        {
            return OAuthErrors.Create(
                "unsupported_response_type", 700054, "response_type must include 'code'.");
        }

        var method = q["code_challenge_method"].ToString();
        if (q.ContainsKey("code_challenge") && method.Length > 0 && method != "S256" && method != "plain")
        {
            return OAuthErrors.Create("invalid_request", 501491, "Invalid code_challenge_method.");
        }

        var user = directory.FindUser(q["user"].ToString());
        if (user is null)
        {
            return Results.Content(AuthorizePage.Render(directory, request), "text/html; charset=utf-8");
        }

        var code = codes.Add(new AuthorizationCode(
            clientId, redirectUri, user.Id, NullIfEmpty(q["nonce"]), NullIfEmpty(q["code_challenge"]),
            NullIfEmpty(q["code_challenge_method"]), codes.NewExpiry()));
        var state = q["state"].ToString();
        var responseMode = q["response_mode"].ToString();
        var idToken = q["response_type"].ToString().Split(' ').Contains("id_token")
            ? issuer.IdToken(Root(request), clientId, user, NullIfEmpty(q["nonce"]), code)
            : null;
        if (responseMode == "form_post")
        {
            var form = AuthorizePage.FormPost(redirectUri, code, state, idToken);
            return Results.Content(form, "text/html; charset=utf-8");
        }

        var separator = responseMode == "fragment" ? '#'
            : redirectUri.Contains('?', StringComparison.Ordinal) ? '&'
            : '?';
        var idTokenParameter = idToken is null ? "" : $"&id_token={idToken}";
        return Results.Redirect($"{redirectUri}{separator}code={Uri.EscapeDataString(code)}"
            + $"&state={Uri.EscapeDataString(state)}{idTokenParameter}&session_state={Guid.NewGuid()}");
    }

    private static async Task<IResult> TokenAsync(
        string tenant, HttpRequest request, TenantDirectory directory, TokenIssuer issuer,
        AuthorizationCodeStore codes, CancellationToken ct)
    {
        if (!KnownTenant(directory, tenant))
        {
            return UnknownTenant(tenant);
        }

        if (!request.HasFormContentType)
        {
            return OAuthErrors.Create("invalid_request", 900144, "The request body must be form-encoded.");
        }

        var form = await request.ReadFormAsync(ct);
        var (clientId, secret) = ClientCredentials(request, form);
        var app = directory.FindApplication(clientId);
        if (app is null)
        {
            return OAuthErrors.Create("unauthorized_client", 700016,
                $"Application with identifier '{clientId}' was not found in the directory.");
        }

        var root = Root(request);
        return form["grant_type"].ToString() switch
        {
            "client_credentials" =>
                ClientCredentialsGrant(app, secret, form["scope"].ToString(), root, directory, issuer),
            "authorization_code" => CodeGrant(app, secret, form, root, directory, issuer, codes),
            var other => OAuthErrors.Create(
                "unsupported_grant_type", 70003, $"The grant type '{other}' is not supported."),
        };
    }

    private static IResult ClientCredentialsGrant(
        TenantApplication app, string? secret, string scope, string root, TenantDirectory directory,
        TokenIssuer issuer)
    {
        if (secret != app.ClientSecret)
        {
            return OAuthErrors.Create("invalid_client", 7000215, "Invalid client secret provided.", 401);
        }

        if (!scope.EndsWith("/.default", StringComparison.Ordinal))
        {
            return OAuthErrors.Create(
                "invalid_scope", 1002012, "The scope must end in /.default for client credentials.");
        }

        var resource = scope[..^"/.default".Length];
        string audience;
        if (resource is TokenIssuer.GraphAudience or TokenIssuer.GraphAppId)
        {
            audience = TokenIssuer.GraphAudience;
        }
        else if (resource == directory.PortalApp.ClientId
            || resource == $"api://{directory.PortalApp.ClientId}")
        {
            audience = directory.PortalApp.ClientId;
        }
        else
        {
            return OAuthErrors.Create(
                "invalid_resource", 500011, $"The resource principal named {resource} was not found.");
        }

        return Results.Json(new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)TokenIssuer.Lifetime.TotalSeconds - 1,
            ["ext_expires_in"] = (int)TokenIssuer.Lifetime.TotalSeconds - 1,
            ["access_token"] = issuer.AppToken(root, app, audience),
        });
    }

    private static IResult CodeGrant(
        TenantApplication app, string? secret, IFormCollection form, string root, TenantDirectory directory,
        TokenIssuer issuer, AuthorizationCodeStore codes)
    {
        if (secret is not null && secret != app.ClientSecret)
        {
            return OAuthErrors.Create("invalid_client", 7000215, "Invalid client secret provided.", 401);
        }

        var code = codes.Redeem(form["code"].ToString());
        if (code is null || code.ClientId != app.ClientId
            || code.RedirectUri != form["redirect_uri"].ToString())
        {
            return OAuthErrors.Create(
                "invalid_grant", 70008, "The provided authorization code is invalid or has expired.");
        }

        if (code.CodeChallenge is not null && !VerifierMatches(code, form["code_verifier"].ToString()))
        {
            return OAuthErrors.Create(
                "invalid_grant", 501481, "The Code_Verifier does not match the code_challenge.");
        }

        var user = directory.Users.First(u => u.Id == code.UserId);
        return Results.Json(new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["scope"] = "openid profile email",
            ["expires_in"] = (int)TokenIssuer.Lifetime.TotalSeconds - 1,
            ["access_token"] = issuer.UserAccessToken(root, app.ClientId, user),
            ["id_token"] = issuer.IdToken(root, app.ClientId, user, code.Nonce),
        });
    }

    private static bool VerifierMatches(AuthorizationCode code, string verifier)
    {
        if (verifier.Length == 0)
        {
            return false;
        }

        var expected = code.CodeChallengeMethod is null or "plain" && code.CodeChallengeMethod != "S256"
            ? verifier
            : Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(code.CodeChallenge!));
    }

    private static (string ClientId, string? Secret) ClientCredentials(
        HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                return (Uri.UnescapeDataString(decoded[..colon]),
                    Uri.UnescapeDataString(decoded[(colon + 1)..]));
            }
        }

        var secret = form.ContainsKey("client_secret") ? form["client_secret"].ToString() : null;
        return (form["client_id"].ToString(), secret);
    }

    private static IResult Logout(HttpRequest request)
    {
        var target = request.Query["post_logout_redirect_uri"].ToString();
        var state = request.Query["state"].ToString();

        // OpenID Connect clients find their sign-out callback's context by the echoed state.
        if (state.Length > 0)
        {
            var separator = target.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            target += separator + "state=" + Uri.EscapeDataString(state);
        }

        return Uri.TryCreate(target, UriKind.Absolute, out var uri) && uri.IsLoopback
            ? Results.Redirect(target)
            : Results.Content(
                "<!doctype html><title>Signed out</title><p>You have signed out.</p>", "text/html");
    }

    private static string? NullIfEmpty(Microsoft.Extensions.Primitives.StringValues value) =>
        value.Count == 0 || value.ToString().Length == 0 ? null : value.ToString();
}
