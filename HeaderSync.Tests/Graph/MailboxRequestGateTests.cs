using System.Collections.Concurrent;
using HeaderSync.Engine.Graph;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace HeaderSync.Tests.Graph;

public sealed class MailboxRequestGateTests
{
    [Fact]
    public async Task AHeaderPassRequestTakesTheNextFreeSlotAheadOfBodyFetchesThatWaitedLonger()
    {
        using var gate = await FullGateAsync();
        await gate.SendAsync("body-4", headerPass: false);
        await gate.SendAsync("body-5", headerPass: false);
        await gate.SendAsync("delta-page", headerPass: true);
        Assert.Equal(4, gate.Graph.Received.Count);

        // Each answer frees a slot: the page goes first, then the bodies in their order.
        for (var answered = 0; answered < 3; answered++)
        {
            gate.Graph.AnswerOldest();
            await gate.Graph.ReceivedAsync(5 + answered);
        }

        Assert.Equal(["body-0", "body-1", "body-2", "body-3", "delta-page", "body-4", "body-5"], gate.Graph.Received);
        await gate.FinishAsync();
    }

    [Fact]
    public async Task AFetchCancelledWhileWaitingGivesItsTurnToTheNext()
    {
        using var gate = await FullGateAsync();
        using var stop = new CancellationTokenSource();
        var cancelled = await gate.SendAsync("cancelled", headerPass: true, stop.Token);
        await gate.SendAsync("body-4", headerPass: false);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);

        gate.Graph.AnswerOldest();
        await gate.Graph.ReceivedAsync(5);
        Assert.Equal("body-4", gate.Graph.Received[4]);
        await gate.FinishAsync();
    }

    // A gate whose four slots are taken by body fetches the tenant has not answered yet.
    private static async Task<HeldGate> FullGateAsync()
    {
        var gate = new HeldGate();
        for (var i = 0; i < MailboxRequestGate.MaxConcurrentRequests; i++)
        {
            await gate.SendAsync($"body-{i}", headerPass: false);
        }

        await gate.Graph.ReceivedAsync(MailboxRequestGate.MaxConcurrentRequests);
        return gate;
    }

    // Built the way the engine's requests are: Kiota carries the request options onto the message.
    private static async Task<HttpRequestMessage> Request(string name, bool headerPass)
    {
        var information = new RequestInformation(Method.GET, "https://graph.test/v1.0/{name}", new Dictionary<string, object>())
        {
            PathParameters = { ["name"] = name },
        };
        if (headerPass)
        {
            information.AddRequestOptions([HeaderPassRequest.Instance]);
        }

        using var http = new HttpClient();
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http);
        return await adapter.ConvertToNativeRequestAsync<HttpRequestMessage>(information)
            ?? throw new InvalidOperationException("Kiota built no request.");
    }

    private sealed class HeldGate : IDisposable
    {
        private readonly MailboxRequestGate gate;
        private readonly HttpClient client;
        private readonly List<Task<HttpResponseMessage>> sent = [];

        public HeldGate()
        {
            gate = new MailboxRequestGate(new UnlimitedBudget(), new Unobserved(), TimeProvider.System) { InnerHandler = Graph };
            client = new HttpClient(gate);
        }

        public HeldGraph Graph { get; } = new();

        public async Task<Task<HttpResponseMessage>> SendAsync(
            string name, bool headerPass, CancellationToken cancellationToken = default)
        {
            var sending = client.SendAsync(await Request(name, headerPass), cancellationToken);
            if (!cancellationToken.CanBeCanceled)
            {
                sent.Add(sending);
            }

            return sending;
        }

        public async Task FinishAsync()
        {
            Graph.AnswerAll();
            await Task.WhenAll(sent);
        }

        public void Dispose()
        {
            client.Dispose();
            gate.Dispose();
        }
    }

    /// <summary>Holds every request until the test answers it, oldest first.</summary>
    private sealed class HeldGraph : HttpMessageHandler
    {
        private readonly ConcurrentQueue<TaskCompletionSource<HttpResponseMessage>> held = new();
        private readonly List<string> received = [];

        public IReadOnlyList<string> Received
        {
            get
            {
                lock (received)
                {
                    return [.. received];
                }
            }
        }

        public async Task ReceivedAsync(int count)
        {
            for (var i = 0; i < 500 && Received.Count < count; i++)
            {
                await Task.Delay(10);
            }

            Assert.Equal(count, Received.Count);
        }

        public void AnswerOldest()
        {
            Assert.True(held.TryDequeue(out var oldest));
            oldest.SetResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK));
        }

        public void AnswerAll()
        {
            while (held.TryDequeue(out var answer))
            {
                answer.SetResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK));
            }
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var answer = new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
            held.Enqueue(answer);
            lock (received)
            {
                received.Add(request.RequestUri!.Segments[^1]);
            }

            return answer.Task;
        }
    }

    private sealed class UnlimitedBudget : IRequestBudget
    {
        public ValueTask ConsumeAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    private sealed class Unobserved : IMailboxRequestObserver
    {
        public void RequestSent()
        {
        }

        public void WaitingOutRetryAfter(DateTimeOffset until, bool wasThrottled)
        {
        }

        public void RetryAfterElapsed()
        {
        }
    }
}
