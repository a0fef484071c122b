using System.Text.Json;
using HeaderSync.Tests.Infrastructure;
using HeaderSync.Web.CommandLine;

namespace HeaderSync.Tests.CommandLine;

public sealed class WebExecutableTests : IDisposable
{
    private readonly TempDatabase database = new();

    [Theory]
    [InlineData("Sync__PageSize", "0", "Sync:PageSize")]
    [InlineData("Sync__MaxRequestsPerMailboxPer10Min", "20000", "Sync:MaxRequestsPerMailboxPer10Min")]
    [InlineData("Database__Provider", "Oracle", "Database:Provider")]
    [InlineData("Status__CoalesceMs", "soon", "Status:CoalesceMs")]
    [InlineData("Simulator__Enabled", "true", "Simulator:Enabled")]
    [InlineData("Simulator__Url", "http://127.0.0.1:9/", "Simulator:Url")]
    [InlineData("Simulator__Seed", "7", "Simulator:Seed")]
    [InlineData("SignIn__SessionMinutes", "0", "SignIn:SessionMinutes")]
    [InlineData("Scheduler__Clustered", "true", "Scheduler:Clustered")]
    [InlineData("Scheduler__Clustered", "maybe", "Scheduler:Clustered")]
    [InlineData("Redis__ConnectionString", "127.0.0.1:6379,abortConnect=perhaps", "Redis:ConnectionString")]
    public async Task ThePortalRefusesToStartWithABadSettingAndNamesIt(string variable, string value, string key)
    {
        var result = await ProcessRunner.RunWebAsync(
            ["--urls", "http://127.0.0.1:0"],
            Environment((variable, value)));

        Assert.Equal(ExitCodes.Configuration, result.ExitCode);
        Assert.Contains(key, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnHttpAuthorityOutsideDevelopmentFailsTheStartNamingTheKey()
    {
        // The simulated tenant's plain-http authority signs users in only in Development.
        var result = await ProcessRunner.RunWebAsync(
            ["--urls", "http://127.0.0.1:0"],
            Environment(
                ("AzureAd__Instance", "http://127.0.0.1:9/"),
                ("AzureAd__TenantId", "contoso.onmicrosoft.com"),
                ("AzureAd__ClientId", "11111111-1111-1111-1111-111111111111")));

        Assert.Equal(ExitCodes.Configuration, result.ExitCode);
        Assert.Contains("AzureAd:Instance must use https outside Development", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePortalOutsideDevelopmentNeedsItsAppRegistration()
    {
        var result = await ProcessRunner.RunWebAsync(["--urls", "http://127.0.0.1:0"], Environment());

        Assert.Equal(ExitCodes.Configuration, result.ExitCode);
        Assert.Contains("AzureAd:Instance", result.Error, StringComparison.Ordinal);
        Assert.Contains("AzureAd:TenantId", result.Error, StringComparison.Ordinal);
        Assert.Contains("AzureAd:ClientId", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("collector:4317")]
    [InlineData("ftp://collector:4317")]
    [InlineData("not a url")]
    public async Task ABadOtlpEndpointFailsTheStartAndIsNamed(string endpoint)
    {
        var result = await ProcessRunner.RunWebAsync(
            ["migrate"], Environment(("OpenTelemetry__OtlpEndpoint", endpoint)));

        Assert.Equal(ExitCodes.Configuration, result.ExitCode);
        Assert.Contains("OpenTelemetry:OtlpEndpoint", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task AnOtlpEndpointWithNoCollectorBehindItDoesNotStopACommand()
    {
        var result = await ProcessRunner.RunWebAsync(
            ["migrate"], Environment(("OpenTelemetry__OtlpEndpoint", "http://127.0.0.1:9/")));

        Assert.Equal(ExitCodes.Success, result.ExitCode);
    }

    [Fact]
    public async Task AMissingConnectionStringOutsideDevelopmentIsNamed()
    {
        var result = await ProcessRunner.RunWebAsync(["migrate"], new Dictionary<string, string?>());

        Assert.Equal(ExitCodes.Configuration, result.ExitCode);
        Assert.Contains("Database:ConnectionString", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task MigratePrintsOneJsonLineAndCreatesTheDatabase()
    {
        var result = await ProcessRunner.RunWebAsync(["migrate"], Environment());

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var line = Assert.Single(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        Assert.Equal("Sqlite", json.RootElement.GetProperty("provider").GetString());
        Assert.Equal(database.FilePath, json.RootElement.GetProperty("database").GetString());
        Assert.NotEqual(0, json.RootElement.GetProperty("applied").GetArrayLength());
        await using var db = database.CreateContext();
        Assert.True(await db.Database.CanConnectAsync());
        Assert.NotNull(await db.OrgSettings.FindAsync(1));
    }

    [Fact]
    public async Task MigrateTwiceAppliesNothingTheSecondTime()
    {
        await ProcessRunner.RunWebAsync(["migrate"], Environment());

        var second = await ProcessRunner.RunWebAsync(["migrate"], Environment());

        Assert.Equal(ExitCodes.Success, second.ExitCode);
        using var json = JsonDocument.Parse(second.Output);
        Assert.Equal(0, json.RootElement.GetProperty("applied").GetArrayLength());
    }

    [Theory]
    [InlineData("sync")]
    [InlineData("sync --all --mailbox a@contoso.com")]
    [InlineData("decide")]
    [InlineData("migrate now")]
    public async Task AVerbWithWrongArgumentsExitsWithUsageOnStandardError(string command)
    {
        var result = await ProcessRunner.RunWebAsync(command.Split(' '), Environment());

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Contains("usage:", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => database.Dispose();

    private Dictionary<string, string?> Environment(params (string Key, string Value)[] settings)
    {
        var environment = new Dictionary<string, string?>
        {
            ["Database__ConnectionString"] = database.ConnectionString,
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        return environment;
    }
}
