using System.Security.Claims;

namespace HeaderSync.Web.Security;

/// <summary>What the layout shows of the signed-in user: a name and the initials of its avatar.</summary>
public sealed record PortalUser(string Name, string Initials)
{
    public static PortalUser From(ClaimsPrincipal principal)
    {
        var name = principal.FindFirst("name")?.Value
            ?? principal.FindFirst(ClaimTypes.Name)?.Value
            ?? principal.FindFirst("preferred_username")?.Value
            ?? "";
        return new PortalUser(name, InitialsOf(name));
    }

    public static string InitialsOf(string name)
    {
        var words = name.Split([' ', '.', '@', '-', '_'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => char.IsLetterOrDigit(w[0]))
            .ToList();
        return words.Count switch
        {
            0 => "?",
            1 => char.ToUpperInvariant(words[0][0]).ToString(),
            _ => string.Concat(char.ToUpperInvariant(words[0][0]), char.ToUpperInvariant(words[^1][0])),
        };
    }
}
