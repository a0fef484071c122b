using Azure.Identity;
using HeaderSync.Engine.Mailboxes;
using Microsoft.Extensions.Logging;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace HeaderSync.Engine.Graph;

/// <summary>
/// Asks Graph, as the engine's app, each kind of call a sync of one mailbox makes, and names the
/// permission behind any call that is refused. It decides by calling, not by reading the token:
/// Exchange RBAC for Applications grants mail access that never shows as a role in the token.
/// </summary>
public sealed class ConnectionCheck(MailboxGraphClientFactory graphFactory, ILogger<ConnectionCheck> logger)
{
    public const string UserLookup = "User lookup";
    public const string Organization = "Organization";
    public const string HeaderRead = "Header-level read";
    public const string BodyRead = "Body read";

    private static readonly string[] MailFolders = ["inbox", "sentitems"];

    public async Task<ConnectionReport> RunAsync(
        string mailbox, string graphUserId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(graphUserId);
        using var graph = graphFactory.CreateDirectoryClient();
        var client = graph.Client;
        var checks = new List<PermissionCheck>
        {
            await CallAsync(UserLookup, "User.Read.All", () => client.Users[graphUserId].GetAsync(
                request => request.QueryParameters.Select = ["id", "mail", "userPrincipalName"],
                cancellationToken), cancellationToken),
            await CallAsync(Organization, "Organization.Read.All", () => client.Organization.GetAsync(
                request => request.QueryParameters.Select = ["id"], cancellationToken), cancellationToken),
        };

        string? messageId = null;
        var headers = await CallAsync(HeaderRead, "Mail.Read or Mail.ReadBasic", async () =>
        {
            foreach (var folder in MailFolders)
            {
                var page = await client.Users[graphUserId].MailFolders[folder].Messages.GetAsync(request =>
                {
                    request.QueryParameters.Top = 1;
                    request.QueryParameters.Select = MessageFields.Headers;
                    PreferImmutableIds(request.Headers);
                }, cancellationToken);
                messageId = page?.Value?.FirstOrDefault()?.Id;
                if (messageId is not null)
                {
                    break;
                }
            }
        }, cancellationToken);
        checks.Add(headers);

        checks.Add(messageId is null
            ? new PermissionCheck(BodyRead, "Mail.Read", CheckOutcome.Skipped, headers.Outcome == CheckOutcome.Ok
                ? "the mailbox has no email in inbox or sent items to read"
                : "needs an email from the header-level read")
            : await CallAsync(BodyRead, "Mail.Read", () => client.Users[graphUserId].Messages[messageId].GetAsync(
                request =>
                {
                    request.QueryParameters.Select = MessageFields.Body;
                    PreferImmutableIds(request.Headers);
                }, cancellationToken), cancellationToken));

        var report = new ConnectionReport(mailbox, checks);
        MailboxLog.ConnectionChecked(
            logger, mailbox, string.Join("; ", checks.Select(c => $"{c.Name}: {c.Summary}")));
        return report;
    }

    private static async Task<PermissionCheck> CallAsync(
        string name, string permission, Func<Task> call, CancellationToken cancellationToken)
    {
        try
        {
            await call();
            return new PermissionCheck(name, permission, CheckOutcome.Ok, null);
        }
        catch (ODataError error) when (error.ResponseStatusCode == 403)
        {
            return new PermissionCheck(name, permission, CheckOutcome.MissingPermission, Describe(error));
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A check reports, it never throws: a wrong secret or an unreachable Graph is an answer too.
            return new PermissionCheck(name, permission, CheckOutcome.Failed, Describe(exception));
        }
    }

    private static string Describe(Exception exception) => exception switch
    {
        ODataError odata => $"Graph answered {odata.ResponseStatusCode} {odata.Error?.Code}: "
            + (odata.Error?.Message ?? odata.Message),
        AuthenticationFailedException => $"the app could not get a token: {exception.Message}",
        HttpRequestException => $"Graph could not be reached: {exception.Message}",
        AggregateException { InnerExceptions: [var inner] } => Describe(inner),
        _ => exception.Message,
    };

    private static void PreferImmutableIds(RequestHeaders headers) =>
        headers.Add("Prefer", "IdType=\"ImmutableId\"");
}
