using System.Net;
using System.Text;
using HeaderSync.Simulator.Tenant;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace HeaderSync.Simulator.Identity;

/// <summary>The sign-in page: pick a tenant user; plus the form_post hand-back page.</summary>
internal static class AuthorizePage
{
    public static string Render(TenantDirectory directory, HttpRequest request)
    {
        var html = new StringBuilder()
            .Append("<!doctype html><html><head><meta charset=\"utf-8\"><title>Sign in - ")
            .Append(WebUtility.HtmlEncode(directory.DisplayName))
            .Append(" (simulated)</title></head><body><h1>Pick an account</h1><ul>");
        foreach (var user in directory.Users)
        {
            var query = new QueryBuilder(request.Query.Where(p => p.Key != "user"))
            {
                { "user", user.Id.ToString() },
            };
            var href = request.PathBase + request.Path + query.ToQueryString();
            html.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(href)).Append("\" data-upn=\"")
                .Append(WebUtility.HtmlEncode(user.UserPrincipalName)).Append("\">")
                .Append(WebUtility.HtmlEncode(user.DisplayName)).Append(" &lt;")
                .Append(WebUtility.HtmlEncode(user.UserPrincipalName)).Append("&gt;")
                .Append(user.IsAdmin ? " (admin)" : "").Append("</a></li>");
        }

        return html.Append("</ul></body></html>").ToString();
    }

    public static string FormPost(string redirectUri, string code, string state, string? idToken) =>
        "<!doctype html><html><head><title>Working...</title></head>"
        + "<body onload=\"document.forms[0].submit()\">"
        + $"<form method=\"POST\" action=\"{WebUtility.HtmlEncode(redirectUri)}\">"
        + Hidden("code", code)
        + (idToken is null ? "" : Hidden("id_token", idToken))
        + Hidden("state", state)
        + "<noscript><button type=\"submit\">Continue</button></noscript></form></body></html>";

    private static string Hidden(string name, string value) =>
        $"<input type=\"hidden\" name=\"{name}\" value=\"{WebUtility.HtmlEncode(value)}\">";
}
