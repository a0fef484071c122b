using System.Text;
using HeaderSync.Data.Decisions;
using HeaderSync.Data.Runs;
using HeaderSync.Engine.Graph;
using HeaderSync.Simulator.Evidence;
using HeaderSync.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HeaderSync.Tests.Sync;

[Collection(EngineTestGroup.Name)]
public sealed class HeaderOnlySyncTests(EngineTenantFixture fixture)
{
    [Fact]
    public async Task HeaderOnlyModeDecidesLikeTheScenariosAndDownloadsOnlySyncedBodies()
    {
        await using var harness = await EngineHarness.StartAsync(fixture);
        var user = fixture.Tenant.Users[0];
        var mailboxId = await harness.MailboxIdAsync(user.Id.ToString());
        var log = fixture.Tenant.Requests();
        var before = log.Count == 0 ? 0 : log[^1].Seq;

        var result = await harness.SyncAsync(mailboxId, SyncMode.HeaderOnly);

        Assert.Equal(SyncOutcome.Completed, result.Outcome);
        var expected = ExpectedInSyncedFolders(user.Id.ToString());
        var stored = await StoredDecisionsAsync(harness, mailboxId);
        Assert.Equal(expected.Count, stored.Count);
        var wrong = expected
            .Where(e => !stored.TryGetValue(e.Id, out var d)
                || d.Decision.ToString() != e.ExpectedDecision.ToString()
                || d.Reason.ToString() != e.ExpectedReason.ToString())
            .Select(e => $"{e.Scenario}: expected {e.ExpectedReason}, got {(stored.TryGetValue(e.Id, out var d) ? d.Reason : null)}")
            .ToList();
        Assert.Empty(wrong);

        var requests = fixture.Tenant.Requests(before, user.Id.ToString());
        var synced = stored.Values.Where(d => d.Decision == Decision.Synced).Select(d => d.GraphMessageId).ToHashSet();
        Assert.All(requests.SelectMany(r => r.ContentMessageIds), id => Assert.Contains(id, synced));
        Assert.Equal(synced.Order(), requests.SelectMany(r => r.ContentMessageIds).Distinct().Order());
        Assert.All(requests.Where(r => r.Path.Contains("/delta", StringComparison.Ordinal)),
            r => Assert.Empty(r.Select.Intersect(MessageFields.Content)));
        Assert.Equal(synced.Count, result.BodiesDownloaded);
    }

    [Fact]
    public async Task NoCanaryReachesTheDatabaseFilesOrTheLogsAndEveryKeepMarkerIsStored()
    {
        var logs = new CapturedLogs();
        await using var harness = await EngineHarness.StartAsync(
            fixture.Tenant,
            services: s => s.AddLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));
        var user = fixture.Tenant.Users[0];
        var mailboxId = await harness.MailboxIdAsync(user.Id.ToString());

        await harness.SyncAsync(mailboxId, SyncMode.HeaderOnly);

        await using (var db = harness.CreateContext())
        {
            // Fold the WAL into the file so every byte written is in one place too.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE);");
        }

        var files = Directory.GetFiles(harness.Database.Directory, "headersync.db*");
        var bytes = string.Concat(files.Select(f => Encoding.UTF8.GetString(ReadShared(f))));
        var evidence = ExpectedInSyncedFolders(user.Id.ToString());
        var canaries = evidence.Where(e => e.Canary is not null).Select(e => e.Canary!).ToList();
        var markers = evidence.Where(e => e.KeepMarker is not null).Select(e => e.KeepMarker!).ToList();
        Assert.NotEmpty(canaries);
        Assert.NotEmpty(markers);
        Assert.DoesNotContain(canaries, canary => bytes.Contains(canary, StringComparison.Ordinal));
        Assert.All(markers, marker => Assert.Contains(marker, bytes, StringComparison.Ordinal));
        var logged = string.Join('\n', logs.Lines);
        Assert.Contains("Sync of", logged, StringComparison.Ordinal);
        Assert.DoesNotContain(canaries, canary => logged.Contains(canary, StringComparison.Ordinal));
    }

    private List<MessageEvidence> ExpectedInSyncedFolders(string mailbox) =>
        [.. fixture.Tenant.Messages(mailbox).Where(m => m.ExpectedDecision is not null)];

    private static async Task<Dictionary<string, EmailDecision>> StoredDecisionsAsync(EngineHarness harness, Guid mailboxId)
    {
        await using var db = harness.CreateContext();
        return await db.EmailDecisions.AsNoTracking()
            .Where(d => d.MailboxId == mailboxId)
            .ToDictionaryAsync(d => d.GraphMessageId);
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
