using HeaderSync.Simulator.Tenant;

namespace HeaderSync.Simulator.Graph;

/// <summary>
/// The <c>$filter</c> Graph serves on <c>/users</c> without advanced query headers that a people
/// picker needs: <c>startswith(property,'text')</c> terms joined by <c>or</c>, case-insensitive.
/// </summary>
internal sealed class UserFilter
{
    private static readonly string[] Properties = ["displayName", "givenName", "surname", "mail", "userPrincipalName"];

    private readonly List<(string Property, string Prefix)> _terms = [];

    public bool Matches(SimulatedUser user) =>
        _terms.Count == 0 || _terms.Any(t => Value(user, t.Property).StartsWith(t.Prefix, StringComparison.OrdinalIgnoreCase));

    public static bool TryParse(string text, out UserFilter? filter, out string? error)
    {
        filter = new UserFilter();
        error = null;
        var rest = text.AsSpan().Trim();
        while (!rest.IsEmpty)
        {
            if (!TryTerm(ref rest, out var term))
            {
                filter = null;
                error = $"Unsupported or invalid query filter clause specified: '{text}'. "
                    + "Only startswith(property,'text') terms joined by 'or' are supported.";
                return false;
            }

            filter._terms.Add(term);
            rest = rest.TrimStart();
            if (!rest.IsEmpty)
            {
                if (!rest.StartsWith("or ", StringComparison.OrdinalIgnoreCase))
                {
                    filter = null;
                    error = $"Unsupported or invalid query filter clause specified: '{text}'.";
                    return false;
                }

                rest = rest[3..].TrimStart();
                if (rest.IsEmpty)
                {
                    filter = null;
                    error = $"Syntax error: the filter '{text}' ends after 'or'.";
                    return false;
                }
            }
        }

        return true;
    }

    private static bool TryTerm(ref ReadOnlySpan<char> rest, out (string, string) term)
    {
        term = default;
        const string Function = "startswith(";
        if (!rest.StartsWith(Function, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        rest = rest[Function.Length..];
        var comma = rest.IndexOf(',');
        if (comma < 0)
        {
            return false;
        }

        var property = rest[..comma].Trim().ToString();
        var known = Array.Find(Properties, p => p.Equals(property, StringComparison.OrdinalIgnoreCase));
        rest = rest[(comma + 1)..].TrimStart();
        if (known is null || rest.IsEmpty || rest[0] != '\'')
        {
            return false;
        }

        // A quote inside an OData string literal is doubled.
        var prefix = new System.Text.StringBuilder();
        var i = 1;
        for (; i < rest.Length; i++)
        {
            if (rest[i] == '\'')
            {
                if (i + 1 < rest.Length && rest[i + 1] == '\'')
                {
                    prefix.Append('\'');
                    i++;
                    continue;
                }

                break;
            }

            prefix.Append(rest[i]);
        }

        rest = i < rest.Length ? rest[(i + 1)..].TrimStart() : [];
        if (rest.IsEmpty || rest[0] != ')')
        {
            return false;
        }

        rest = rest[1..];
        term = (known, prefix.ToString());
        return true;
    }

    private static string Value(SimulatedUser user, string property) => property switch
    {
        "displayName" => user.DisplayName,
        "givenName" => user.GivenName,
        "surname" => user.Surname,
        _ => user.UserPrincipalName,
    };
}
