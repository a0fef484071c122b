using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HeaderSync.Simulator;
using HeaderSync.Simulator.Faults;

namespace HeaderSync.Tests.Simulator.Faults;

/// <summary>Each test runs its own small tenant, so its faults touch no other test.</summary>
public sealed class FaultTests
{
    private static async Task WithTenantAsync(
        Action<FaultOptions> faults, Func<SimulatorFixture, string, Task> test, int latencyMs = 0)
    {
        var options = new SimulatorOptions { Seed = 3, Mailboxes = 2, MessagesPerMailbox = 120, LatencyMs = latencyMs };
        faults(options.Faults);
        var f = await SimulatorFixture.StartAsync(options);
        try
        {
            await test(f, f.Tenant.Users[0].Id.ToString());
        }
        finally
        {
            await f.DisposeAsync();
        }
    }

    private static async Task<JsonElement> ErrorAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").Clone();

    [Theory]
    [InlineData("SyncStateNotFound")]
    [InlineData("resyncRequired")]
    public async Task DeltaTokenExpiresInTheMiddleOfARound(string code) =>
        await WithTenantAsync(o =>
        {
            o.ExpireDeltaAfterPages = 3;
            o.DeltaExpiryCode = code;
        }, async (f, mailbox) =>
        {
            var first = await f.GetJsonAsync($"/users/{mailbox}/mailFolders/inbox/messages/delta?$select=subject", "odata.maxpagesize=5");
            var second = await f.GetJsonAsync(first.GetProperty("@odata.nextLink").GetString()!, "odata.maxpagesize=5");

            using var third = await f.GetAsync(second.GetProperty("@odata.nextLink").GetString()!, "odata.maxpagesize=5");

            Assert.Equal(HttpStatusCode.Gone, third.StatusCode);
            Assert.Equal(code, (await ErrorAsync(third)).GetProperty("code").GetString());
        });

    [Fact]
    public async Task ExpiredDeltaLinksAnswerGone() =>
        await WithTenantAsync(_ => { }, async (f, mailbox) =>
        {
            var page = await f.GetJsonAsync($"/users/{mailbox}/mailFolders/sentitems/messages/delta", "odata.maxpagesize=1000");
            f.Tenant.Faults = new FaultOptions { ExpireDeltaTokens = true };

            using var response = await f.GetAsync(page.GetProperty("@odata.deltaLink").GetString()!);

            Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        });

    [Fact]
    public async Task MoreThanFourConcurrentRequestsPerMailboxAreThrottled() =>
        await WithTenantAsync(_ => { }, async (f, mailbox) =>
        {
            var other = f.Tenant.Users[1].Id;

            var responses = await Task.WhenAll(Enumerable.Range(0, 10)
                .Select(_ => f.GetAsync($"/users/{mailbox}/mailFolders/inbox/messages?$select=subject"))
                .Append(f.GetAsync($"/users/{other}/mailFolders/inbox/messages?$select=subject")));

            var mine = responses[..10];
            Assert.InRange(mine.Count(r => r.StatusCode == HttpStatusCode.OK), 1, 4);
            var throttled = mine.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
            Assert.NotEmpty(throttled);
            Assert.Equal("ApplicationThrottled", (await ErrorAsync(throttled[0])).GetProperty("code").GetString());
            Assert.True(throttled[0].Headers.Contains("Retry-After"));
            Assert.Equal(HttpStatusCode.OK, responses[10].StatusCode);
            var stats = JsonDocument.Parse(await f.Http.GetStringAsync("_simulator/stats")).RootElement.GetProperty("value")
                .EnumerateArray().Single(s => s.GetProperty("mailbox").GetString() == mailbox);
            Assert.Equal(4, stats.GetProperty("peakConcurrentRequests").GetInt32());
            Assert.Equal(throttled.Count, stats.GetProperty("throttled").GetInt32());
        }, latencyMs: 1000);

    [Fact]
    public async Task InjectedThrottlingSendsDecimalRetryAfter() =>
        await WithTenantAsync(o =>
        {
            o.ThrottleRate = 1;
            o.RetryAfter = "2.128";
        }, async (f, mailbox) =>
        {
            using var response = await f.GetAsync($"/users/{mailbox}/mailFolders");

            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.Equal("2.128", response.Headers.GetValues("Retry-After").Single());
        });

    [Fact]
    public async Task RequestBudgetPerWindowIsEnforced() =>
        await WithTenantAsync(o => o.RequestBudgetPerWindow = 3, async (f, mailbox) =>
        {
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 4; i++)
            {
                using var response = await f.GetAsync($"/users/{mailbox}/mailFolders");
                statuses.Add(response.StatusCode);
                if (i == 3)
                {
                    Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
                }
            }

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        });

    [Theory]
    [InlineData(503)]
    [InlineData(504)]
    public async Task ServerErrorsCanBeInjected(int status) =>
        await WithTenantAsync(o =>
        {
            o.ServiceUnavailableRate = status == 503 ? 1 : 0;
            o.GatewayTimeoutRate = status == 504 ? 1 : 0;
        }, async (f, mailbox) =>
        {
            using var response = await f.GetAsync($"/users/{mailbox}/mailFolders");

            Assert.Equal(status, (int)response.StatusCode);
        });

    [Fact]
    public async Task ReplayedDeltaItemsComeTwice() =>
        await WithTenantAsync(o => o.DeltaReplayRate = 1, async (f, mailbox) =>
        {
            var page = await f.GetJsonAsync($"/users/{mailbox}/mailFolders/inbox/messages/delta?$select=subject", "odata.maxpagesize=5");

            var ids = page.GetProperty("value").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
            Assert.Equal(10, ids.Count);
            Assert.Equal(5, ids.Distinct().Count());
        });

    [Fact]
    public async Task UpdatedItemsCanComeSparse() =>
        await WithTenantAsync(o => o.DeltaSparseRate = 1, async (f, mailbox) =>
        {
            var start = await f.GetJsonAsync($"/users/{mailbox}/mailFolders/archive/messages/delta?$select=subject", "odata.maxpagesize=1000");
            var archived = f.Tenant.Messages(mailbox).First(m => m.Folder == "archive");
            using var read = await f.Http.PostAsync($"_simulator/mailboxes/{mailbox}/messages/{archived.Id}/read",
                new StringContent("{\"isRead\":false}", Encoding.UTF8, "application/json"));

            var changes = await f.GetJsonAsync(start.GetProperty("@odata.deltaLink").GetString()!);

            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            var item = Assert.Single(changes.GetProperty("value").EnumerateArray());
            Assert.Equal(["id", "isRead", "parentFolderId"], item.EnumerateObject().Select(p => p.Name));
            Assert.False(item.GetProperty("isRead").GetBoolean());
        });

    [Fact]
    public async Task HeaderOnlyPermissionRefusesContent() =>
        await WithTenantAsync(o => o.HeaderOnlyPermission = true, async (f, mailbox) =>
        {
            var id = f.Tenant.Messages(mailbox).First(m => m.Folder == "inbox").Id;
            var expand = "$expand=singleValueExtendedProperties($filter=id eq 'Integer 0x0036')";

            using var headers = await f.GetAsync($"/users/{mailbox}/messages/{id}?$select=subject,internetMessageHeaders");
            using var body = await f.GetAsync($"/users/{mailbox}/messages/{id}?$select=body");
            using var value = await f.GetAsync($"/users/{mailbox}/messages/{id}/$value");
            using var attachments = await f.GetAsync($"/users/{mailbox}/messages/{id}/attachments");
            using var property = await f.GetAsync($"/users/{mailbox}/messages/{id}?$select=subject&{expand}");

            Assert.Equal(HttpStatusCode.OK, headers.StatusCode);
            Assert.All([body, value, attachments, property], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
            Assert.Equal("ErrorAccessDenied", (await ErrorAsync(body)).GetProperty("code").GetString());
        });

    [Fact]
    public async Task OneMailboxCanAnswer401() =>
        await WithTenantAsync(o => o.UnauthorizedMailbox = "placeholder", async (f, mailbox) =>
        {
            f.Tenant.Faults = new FaultOptions { UnauthorizedMailbox = f.Tenant.Users[1].UserPrincipalName };

            using var denied = await f.GetAsync($"/users/{f.Tenant.Users[1].Id}/mailFolders");
            using var allowed = await f.GetAsync($"/users/{mailbox}/mailFolders");

            Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        });

    [Fact]
    public async Task FaultsAreReadAndReplacedOverHttp() =>
        await WithTenantAsync(_ => { }, async (f, mailbox) =>
        {
            var put = await f.Http.PutAsync("_simulator/faults", new StringContent(
                "{\"ThrottleRate\":1,\"RetryAfter\":\"0.5\",\"SentItemHeaders\":\"Always\"}", Encoding.UTF8, "application/json"));
            var read = await f.Http.GetFromJsonAsync<JsonElement>("_simulator/faults");
            using var throttled = await f.GetAsync($"/users/{mailbox}/mailFolders");
            var bad = await f.Http.PutAsync("_simulator/faults", new StringContent(
                "{\"ThrottleRate\":3}", Encoding.UTF8, "application/json"));

            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            Assert.Equal("Always", read.GetProperty("SentItemHeaders").GetString());
            Assert.Equal(4, read.GetProperty("MaxConcurrentRequestsPerMailbox").GetInt32());
            Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        });

    [Fact]
    public async Task SentItemHeadersCanBeSwitchedOn() =>
        await WithTenantAsync(o => o.SentItemHeaders = SentItemHeadersMode.Always, async (f, mailbox) =>
        {
            var sent = f.Tenant.Messages(mailbox).First(m => m.Folder == "sentitems");

            var message = await f.GetJsonAsync($"/users/{mailbox}/messages/{sent.Id}?$select=internetMessageHeaders");

            Assert.True(message.GetProperty("internetMessageHeaders").GetArrayLength() > 5);
        });

    [Fact]
    public async Task LatencyGrowsWithRequestAndSize() =>
        await WithTenantAsync(o =>
        {
            o.LatencyMsPerRequest = 100;
            o.LatencyMsPerKb = 100;
        }, async (f, mailbox) =>
        {
            var id = f.Tenant.Messages(mailbox).First(m => m.Folder == "inbox").Id;
            var watch = System.Diagnostics.Stopwatch.StartNew();

            using var small = await f.GetAsync($"/users/{mailbox}/messages/{id}?$select=subject");
            var smallMs = watch.ElapsedMilliseconds;
            using var large = await f.GetAsync($"/users/{mailbox}/messages/{id}/$value");
            var largeMs = watch.ElapsedMilliseconds - smallMs;

            var kb = (await large.Content.ReadAsByteArrayAsync()).Length / 1024;
            Assert.True(kb >= 1);
            Assert.InRange(smallMs, 100, 5000);
            Assert.InRange(largeMs, 100 + (100 * kb), 10_000);
        });

    [Fact]
    public async Task StatsCountDeltaRequestsPerFolderMessageRequestsAndResponseBytes() =>
        await WithTenantAsync(o => o.MaxConcurrentRequestsPerMailbox = 1, async (f, mailbox) =>
        {
            var id = f.Tenant.Messages(mailbox).First(m => m.Folder == "inbox").Id;
            var bytes = 0L;
            foreach (var path in new[]
            {
                $"/users/{mailbox}/mailFolders/inbox/messages/delta?$select=subject",
                $"/users/{mailbox}/mailFolders/sentitems/messages/delta?$select=subject",
                $"/users/{mailbox}/mailFolders/sentitems/messages/delta?$select=subject",
                $"/users/{mailbox}/messages/{id}?$select=body",
                $"/users/{mailbox}/mailFolders",
            })
            {
                using var response = await f.GetAsync(path, "odata.maxpagesize=5");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                bytes += (await response.Content.ReadAsByteArrayAsync()).Length;
            }

            var stats = JsonDocument.Parse(await f.Http.GetStringAsync("_simulator/stats")).RootElement.GetProperty("value")
                .EnumerateArray().Single(s => s.GetProperty("mailbox").GetString() == mailbox);

            var delta = stats.GetProperty("deltaRequestsByFolder");
            Assert.Equal(1, delta.GetProperty("inbox").GetInt32());
            Assert.Equal(2, delta.GetProperty("sentitems").GetInt32());
            Assert.Equal(1, stats.GetProperty("messageRequests").GetInt32());
            Assert.Equal(5, stats.GetProperty("requests").GetInt32());
            Assert.Equal(bytes, stats.GetProperty("responseBytes").GetInt64());
        });

    [Fact]
    public async Task BatchRunsFourRequestsAtATime() =>
        await WithTenantAsync(_ => { }, async (f, mailbox) =>
        {
            var requests = Enumerable.Range(1, 8).Select(i => new
            {
                id = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                method = "GET",
                url = $"/users/{mailbox}/mailFolders/inbox",
            });
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(f.Tenant.GraphBaseUrl + "/$batch"))
            {
                Content = new StringContent(JsonSerializer.Serialize(new { requests }), Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new("Bearer", f.AccessToken);
            var watch = System.Diagnostics.Stopwatch.StartNew();

            using var response = await f.Http.SendAsync(request);

            var statuses = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement
                .GetProperty("responses").EnumerateArray().Select(r => r.GetProperty("status").GetInt32());
            Assert.All(statuses, s => Assert.Equal(200, s));
            Assert.InRange(watch.ElapsedMilliseconds, 2 * 500, (8 * 500) - 1);
        }, latencyMs: 500);

    [Fact]
    public async Task HeadersCanLackTheAddressLines() =>
        await WithTenantAsync(o => o.HeaderAddressesMissingRate = 1, async (f, mailbox) =>
        {
            var id = f.Tenant.Messages(mailbox).First(m => m.Folder == "inbox").Id;

            var message = await f.GetJsonAsync($"/users/{mailbox}/messages/{id}?$select=from,internetMessageHeaders");

            var names = message.GetProperty("internetMessageHeaders").EnumerateArray()
                .Select(h => h.GetProperty("name").GetString()).ToList();
            Assert.DoesNotContain("From", names);
            Assert.DoesNotContain("To", names);
            Assert.Contains("Subject", names);
            Assert.False(string.IsNullOrEmpty(message.GetProperty("from").GetProperty("emailAddress")
                .GetProperty("address").GetString()));
        });
}
