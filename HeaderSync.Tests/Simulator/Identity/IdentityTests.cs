using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HeaderSync.Simulator;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HeaderSync.Tests.Simulator.Identity;

/// <summary>Entra-style sign-in and tokens over HTTP.</summary>
[Collection(SimulatorGroup.Name)]
public sealed class IdentityTests(SimulatorFixture fixture) : IDisposable
{
    private const string RedirectUri = "http://localhost:5123/signin-oidc";
    private readonly HttpClient _browser = new(new HttpClientHandler { AllowAutoRedirect = false })
    {
        BaseAddress = fixture.Tenant.RootUrl,
    };

    private string Tenant => fixture.Tenant.TenantId.ToString();

    private string PortalClientId => fixture.Tenant.Directory.PortalApp.ClientId;

    public void Dispose() => _browser.Dispose();

    private async Task<JsonElement> DiscoveryAsync() =>
        await fixture.Http.GetFromJsonAsync<JsonElement>($"{Tenant}/v2.0/.well-known/openid-configuration");

    private async Task<string> AuthorizeAsync(string userId, string challenge, string nonce = "n-1")
    {
        var query = $"client_id={PortalClientId}&response_type=code&redirect_uri={Uri.EscapeDataString(RedirectUri)}"
            + $"&scope=openid%20profile&state=s-1&nonce={nonce}&code_challenge={challenge}&code_challenge_method=S256"
            + $"&user={userId}";
        using var response = await _browser.GetAsync($"{Tenant}/oauth2/v2.0/authorize?{query}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(RedirectUri + "?code=", location.ToString(), StringComparison.Ordinal);
        Assert.Contains("state=s-1", location.Query, StringComparison.Ordinal);
        return Uri.UnescapeDataString(location.Query.Split('&')[0]["?code=".Length..]);
    }

    private async Task<HttpResponseMessage> RedeemAsync(string code, string verifier)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = PortalClientId,
            ["client_secret"] = fixture.Tenant.Directory.PortalApp.ClientSecret,
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["code_verifier"] = verifier,
        });
        return await fixture.Http.PostAsync($"{Tenant}/oauth2/v2.0/token", form);
    }

    private async Task<JsonWebToken> ValidateAsync(string token, string audience)
    {
        var discovery = await DiscoveryAsync();
        var jwks = await fixture.Http.GetStringAsync(new Uri(discovery.GetProperty("jwks_uri").GetString()!));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKeys = new JsonWebKeySet(jwks).GetSigningKeys(),
            ValidIssuer = discovery.GetProperty("issuer").GetString(),
            ValidAudience = audience,
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        return (JsonWebToken)result.SecurityToken;
    }

    private static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    [Fact]
    public async Task DiscoveryNamesTheTenantsEndpoints()
    {
        var discovery = await DiscoveryAsync();

        Assert.Equal(fixture.Tenant.Authority, discovery.GetProperty("issuer").GetString());
        Assert.Equal($"{fixture.Root}/{Tenant}/oauth2/v2.0/authorize", discovery.GetProperty("authorization_endpoint").GetString());
        Assert.Equal($"{fixture.Root}/{Tenant}/oauth2/v2.0/token", discovery.GetProperty("token_endpoint").GetString());
        var keys = await fixture.Http.GetFromJsonAsync<JsonElement>(new Uri(discovery.GetProperty("jwks_uri").GetString()!));
        var key = keys.GetProperty("keys").EnumerateArray().Single();
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.False(string.IsNullOrEmpty(key.GetProperty("kid").GetString()));
    }

    [Fact]
    public async Task AuthorizePageListsTheTenantsUsers()
    {
        var query = $"client_id={PortalClientId}&response_type=code&redirect_uri={Uri.EscapeDataString(RedirectUri)}&state=x";

        var page = await _browser.GetStringAsync($"{Tenant}/oauth2/v2.0/authorize?{query}");

        Assert.All(fixture.Tenant.Users, u => Assert.Contains(u.UserPrincipalName, page, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CodeFlowWithPkceIssuesAnIdTokenWithRoles()
    {
        var admin = fixture.Tenant.Users.Single(u => u.IsAdmin);
        var (verifier, challenge) = Pkce();
        var code = await AuthorizeAsync(admin.Id.ToString(), challenge, nonce: "nonce-42");

        using var response = await RedeemAsync(code, verifier);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var idToken = await ValidateAsync(body.GetProperty("id_token").GetString()!, PortalClientId);
        Assert.Equal(Tenant, idToken.GetClaim("tid").Value);
        Assert.Equal(admin.Id.ToString(), idToken.GetClaim("oid").Value);
        Assert.Equal(admin.DisplayName, idToken.GetClaim("name").Value);
        Assert.Equal(admin.UserPrincipalName, idToken.GetClaim("preferred_username").Value);
        Assert.Equal("nonce-42", idToken.GetClaim("nonce").Value);
        Assert.Equal(["HeaderSync.Admin"], idToken.Claims.Where(c => c.Type == "roles").Select(c => c.Value));
    }

    [Fact]
    public async Task SellersGetNoRoles()
    {
        var seller = fixture.Tenant.Users.First(u => !u.IsAdmin);
        var (verifier, challenge) = Pkce();
        var code = await AuthorizeAsync(seller.Id.ToString(), challenge);

        using var response = await RedeemAsync(code, verifier);

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var idToken = await ValidateAsync(body.GetProperty("id_token").GetString()!, PortalClientId);
        Assert.DoesNotContain(idToken.Claims, c => c.Type == "roles");
    }

    [Fact]
    public async Task WrongVerifierIsRefused()
    {
        var (_, challenge) = Pkce();
        var code = await AuthorizeAsync(fixture.Tenant.Users[0].Id.ToString(), challenge);

        using var response = await RedeemAsync(code, Pkce().Verifier);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task NonLoopbackRedirectIsRefused()
    {
        var query = $"client_id={PortalClientId}&response_type=code&redirect_uri={Uri.EscapeDataString("https://evil.example/cb")}";

        using var response = await _browser.GetAsync($"{Tenant}/oauth2/v2.0/authorize?{query}&user={fixture.Tenant.Users[0].Id}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AutomationClientGetsAdminRoleForThePortalApi()
    {
        var automation = fixture.Tenant.Directory.AutomationApp;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = automation.ClientId,
            ["client_secret"] = automation.ClientSecret,
            ["scope"] = $"api://{PortalClientId}/.default",
        });

        using var response = await fixture.Http.PostAsync($"{Tenant}/oauth2/v2.0/token", form);

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var token = await ValidateAsync(body.GetProperty("access_token").GetString()!, PortalClientId);
        Assert.Equal(["HeaderSync.Admin"], token.Claims.Where(c => c.Type == "roles").Select(c => c.Value));
    }

    [Fact]
    public async Task WrongClientSecretIsRefused()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = fixture.Tenant.ClientId,
            ["client_secret"] = "wrong",
            ["scope"] = "https://graph.microsoft.com/.default",
        });

        using var response = await fixture.Http.PostAsync($"{Tenant}/oauth2/v2.0/token", form);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task GraphTokensCarryTenantAndRoles()
    {
        var token = await ValidateAsync(fixture.AccessToken, "https://graph.microsoft.com");

        Assert.Equal(Tenant, token.GetClaim("tid").Value);
        Assert.False(string.IsNullOrEmpty(token.GetClaim("oid").Value));
        Assert.Contains(token.Claims, c => c.Type == "roles" && c.Value == "Mail.Read");
    }

    [Fact]
    public async Task ExpiredTokensGet401()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var f = await SimulatorFixture.StartAsync(new SimulatorOptions { Seed = 2, Mailboxes = 1, MessagesPerMailbox = 20 }, time);
        try
        {
            var path = $"/users/{f.Tenant.Users[0].Id}/mailFolders";
            using var fresh = await f.GetAsync(path);
            time.Advance(TimeSpan.FromHours(2));

            using var expired = await f.GetAsync(path);

            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
            Assert.Contains("expired", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await f.DisposeAsync();
        }
    }

    [Fact]
    public async Task FormPostHandsBackCodeAndIdTokenWithCodeHash()
    {
        var user = fixture.Tenant.Users[0];
        var query = $"client_id={PortalClientId}&response_type=code%20id_token&response_mode=form_post"
            + $"&redirect_uri={Uri.EscapeDataString(RedirectUri)}&state=s-2&nonce=n-2&user={user.Id}";

        var page = await _browser.GetStringAsync($"{Tenant}/oauth2/v2.0/authorize?{query}");

        string Field(string name)
        {
            var marker = $"name=\"{name}\" value=\"";
            var start = page.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
            return WebUtility.HtmlDecode(page[start..page.IndexOf('"', start)]);
        }

        Assert.Contains($"action=\"{RedirectUri}\"", page, StringComparison.Ordinal);
        Assert.Equal("s-2", Field("state"));
        var idToken = await ValidateAsync(Field("id_token"), PortalClientId);
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(Field("code")));
        Assert.Equal(Base64Url.EncodeToString(hash.AsSpan(0, 16)), idToken.GetClaim("c_hash").Value);
        Assert.Equal("n-2", idToken.GetClaim("nonce").Value);
    }

    [Fact]
    public async Task LogoutReturnsToALoopbackPageWithTheState()
    {
        var back = "http://localhost:5123/signout-callback-oidc";

        using var response = await _browser.GetAsync(
            $"{Tenant}/oauth2/v2.0/logout?post_logout_redirect_uri={Uri.EscapeDataString(back)}&state=abc");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{back}?state=abc", response.Headers.Location!.ToString());
    }
}
