using HeaderSync.Data.Settings;
using HeaderSync.Tests.Infrastructure;
using HeaderSync.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HeaderSync.Tests.Hosting;

public sealed class OrgSettingsStartupTests : IAsyncLifetime
{
    private readonly TempDatabase database = new();

    public Task InitializeAsync() => database.MigrateAsync();

    [Theory]
    [InlineData(0, null, "ReviewRetentionDays")]
    [InlineData(-5, null, "ReviewRetentionDays")]
    [InlineData(30, 0, "ContentRetentionDays")]
    [InlineData(30, 9999, "ContentRetentionDays")]
    public async Task ABadRetentionSettingInTheDatabaseStopsTheStartAndIsNamed(int review, int? content, string key)
    {
        await StoreAsync(review, content);
        var startup = new OrgSettingsStartup(new TempDatabaseContextFactory(database));

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => startup.StartAsync(CancellationToken.None));

        Assert.True(ConfigurationFailure.TryDescribe(failure, out var description));
        Assert.Contains($"Org setting {key} must be", description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(30, null)]
    [InlineData(1, 3650)]
    public async Task GoodRetentionSettingsLetThePortalStart(int review, int? content)
    {
        await StoreAsync(review, content);
        var startup = new OrgSettingsStartup(new TempDatabaseContextFactory(database));

        await startup.StartAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AnIntervalTheScheduleCannotRunWithStopsTheStartButATrialIntervalBelowTheAdminsMinimumRuns()
    {
        var startup = new OrgSettingsStartup(new TempDatabaseContextFactory(database));
        await StoreIntervalAsync(0);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => startup.StartAsync(CancellationToken.None));

        Assert.True(ConfigurationFailure.TryDescribe(failure, out var description));
        Assert.Contains("Org setting SyncIntervalMinutes must be between 1 and 1440 minutes.", description, StringComparison.Ordinal);
        await StoreIntervalAsync(1);
        await startup.StartAsync(CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        database.Dispose();
        return Task.CompletedTask;
    }

    private async Task StoreAsync(int review, int? content)
    {
        await using var db = database.CreateContext();
        await db.OrgSettings.ExecuteUpdateAsync(s => s
            .SetProperty(o => o.ReviewRetentionDays, review)
            .SetProperty(o => o.ContentRetentionDays, content));
    }

    private async Task StoreIntervalAsync(int minutes)
    {
        await using var db = database.CreateContext();
        await db.OrgSettings.ExecuteUpdateAsync(s => s.SetProperty(o => o.SyncIntervalMinutes, minutes));
    }
}
