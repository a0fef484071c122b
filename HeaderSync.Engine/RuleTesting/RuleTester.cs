using HeaderSync.Data.Database;
using HeaderSync.Engine.Basis;
using HeaderSync.Engine.Relevance;
using HeaderSync.Engine.Sync;
using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Engine.RuleTesting;

/// <summary>
/// Decides pasted headers or an uploaded <c>.eml</c> against the basis in the database, as
/// <c>decide</c> does without flags, and searches what change to the basis would flip it.
/// </summary>
public sealed class RuleTester(IDbContextFactory<HeaderSyncDbContext> contextFactory)
{
    public const string NoHeaders =
        "No email headers found. Paste the header block (lines of \"Name: value\", as Outlook's "
        + "message options or a mail client's \"show original\" give it) or upload an .eml file.";

    public const string NoParticipants =
        "These headers name no sender or recipient (From, To, Cc, Reply-To): there is nothing to decide.";

    /// <summary>Reads only the header block of the input; a body after it is never parsed.</summary>
    public async Task<RuleTestResult> TestAsync(Stream input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var fields = await MimeHeaderFields.LoadAsync(input, FolderKind.Inbox, cancellationToken);
        if (fields.InternetMessageHeaders is not { Count: > 0 })
        {
            return RuleTestResult.Unreadable(NoHeaders);
        }

        if (fields is { From: null, Sender: null, ReplyTo: [], To: [], Cc: [], Bcc: [] })
        {
            return RuleTestResult.Unreadable(NoParticipants);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var stored = await BasisLoader.ReadAsync(db, cancellationToken);

        // As for `decide`: a pasted email says nothing of its folder, so From settles it.
        fields = fields with { Folder = RelevanceDecider.FolderOfFile(fields, BasisIndex.Create(stored.Basis)) };
        var threads = await SyncedThreads.LoadForAsync(db, fields, cancellationToken);
        var search = FlipSearch.Run(fields, stored.Basis, stored.VerifiedInternalDomains, threads);
        return new RuleTestResult(fields, search, stored.Version, null);
    }

    public Task<RuleTestResult> TestAsync(string headers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (string.IsNullOrWhiteSpace(headers))
        {
            return Task.FromResult(RuleTestResult.Unreadable(NoHeaders));
        }

        // Pasted text has lost its line endings' kind and often the blank line that ends a header block.
        var text = headers.Trim().ReplaceLineEndings("\r\n") + "\r\n\r\n";
        return TestAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), cancellationToken);
    }
}
