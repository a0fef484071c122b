using System.Globalization;
using System.Net.Http.Headers;

namespace HeaderSync.Engine.Graph;

/// <summary>
/// Reads Graph's Retry-After, which may be decimal seconds ("2.128") as well as whole seconds or
/// an HTTP date; the SDK's own handler understands only the last two.
/// </summary>
public static class RetryAfter
{
    public static TimeSpan? Read(HttpResponseHeaders headers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (!headers.TryGetValues("Retry-After", out var values))
        {
            return null;
        }

        return Parse(values.FirstOrDefault(), now);
    }

    public static TimeSpan? Parse(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.FromHours(1).TotalSeconds));
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
