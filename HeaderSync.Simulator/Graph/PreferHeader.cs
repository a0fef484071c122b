using System.Globalization;

namespace HeaderSync.Simulator.Graph;

/// <summary>The parts of <c>Prefer</c> Graph mail honours.</summary>
internal sealed record PreferHeader(int? MaxPageSize, bool ImmutableIds, string? BodyContentType)
{
    public static PreferHeader Parse(string? value)
    {
        int? maxPageSize = null;
        var immutable = false;
        string? bodyType = null;
        var parts = (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var raw in parts)
        {
            var separator = raw.IndexOf('=', StringComparison.Ordinal);
            if (separator < 0)
            {
                continue;
            }

            var name = raw[..separator].Trim();
            var setting = raw[(separator + 1)..].Trim().Trim('"');
            if (name.Equals("odata.maxpagesize", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(setting, NumberStyles.Integer, CultureInfo.InvariantCulture, out var size))
            {
                maxPageSize = size;
            }
            else if (name.Equals("IdType", StringComparison.OrdinalIgnoreCase))
            {
                immutable = setting.Equals("ImmutableId", StringComparison.OrdinalIgnoreCase);
            }
            else if (name.Equals("outlook.body-content-type", StringComparison.OrdinalIgnoreCase)
                && (setting.Equals("text", StringComparison.OrdinalIgnoreCase)
                    || setting.Equals("html", StringComparison.OrdinalIgnoreCase)))
            {
                bodyType = setting.Equals("text", StringComparison.OrdinalIgnoreCase) ? "text" : "html";
            }
        }

        return new PreferHeader(maxPageSize, immutable, bodyType);
    }
}
