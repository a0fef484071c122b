using System.Text;

namespace HeaderSync.Web.Prospects;

/// <summary>
/// The prospect list as a CSV download: a plain link, so it needs no script, and like every
/// route it falls under the admin-only fallback policy.
/// </summary>
internal static class ProspectExportEndpoint
{
    public const string Path = "/prospects/export.csv";

    public static IEndpointConventionBuilder MapProspectExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, ExportAsync);

    private static async Task ExportAsync(
        HttpContext http, ProspectAdministration prospects, TimeProvider time, CancellationToken cancellationToken)
    {
        var day = time.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"prospects-{day}.csv\"";

        // With a byte order mark, so spreadsheets read the file as UTF-8; the importer skips it.
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await prospects.ExportAsync(writer, http.User.Identity?.Name ?? "unknown", cancellationToken);
        await writer.FlushAsync(cancellationToken);
    }
}
