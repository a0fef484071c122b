using System.Net;
using System.Text.RegularExpressions;
using HeaderSync.Simulator.Tenant;

namespace HeaderSync.Tests.Infrastructure;

/// <summary>
/// An HttpClient signed in to the portal the way a browser does it: /signin, the simulated
/// authority's account list, the form post back to /signin-oidc; redirects are left to the caller.
/// </summary>
internal static partial class PortalSession
{
    public static HttpClient CreateAnonymous(Uri baseAddress) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = baseAddress,
        };

    public static async Task<HttpClient> SignInAsync(Uri baseAddress, SimulatedUser user)
    {
        var client = CreateAnonymous(baseAddress);
        using var challenge = await client.GetAsync(new Uri("/signin?returnUrl=%2F", UriKind.Relative));
        var authorize = challenge.Headers.Location
            ?? throw new InvalidOperationException($"/signin answered {challenge.StatusCode} without a redirect.");

        using var picked = await client.GetAsync(new Uri($"{authorize.AbsoluteUri}&user={user.Id}"));
        var html = await picked.Content.ReadAsStringAsync();
        var action = WebUtility.HtmlDecode(FormAction().Match(html).Groups[1].Value);
        var fields = HiddenInput().Matches(html).ToDictionary(
            m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        using var form = new FormUrlEncodedContent(fields);
        using var callback = await client.PostAsync(new Uri(action), form);
        if (callback.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException(
                $"/signin-oidc answered {callback.StatusCode}: {await callback.Content.ReadAsStringAsync()}");
        }

        return client;
    }

    [GeneratedRegex("<form method=\"POST\" action=\"([^\"]+)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenInput();
}
