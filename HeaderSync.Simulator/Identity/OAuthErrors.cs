using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace HeaderSync.Simulator.Identity;

/// <summary>Entra's OAuth error body: <c>error</c>, <c>error_description</c> with an AADSTS code.</summary>
internal static class OAuthErrors
{
    public static IResult Create(string error, int aadsts, string description, int status = 400)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["error"] = error,
            ["error_description"] = $"AADSTS{aadsts}: {description}",
            ["error_codes"] = new[] { aadsts },
            ["trace_id"] = Guid.NewGuid().ToString(),
            ["correlation_id"] = Guid.NewGuid().ToString(),
        });
        return Results.Content(body, "application/json; charset=utf-8", statusCode: status);
    }
}
