using System.Diagnostics.Tracing;
using HaproxyNet.Testing.Engine;
using Xunit.Abstractions;
using static HaproxyNet.Core.Tests.Http.HttpHarness;

namespace HaproxyNet.Core.Tests.Http;

/// <summary>
/// Allocation per keep-alive transaction (http-server-close, httplog) through the virtual-time kit. The runtime's
/// allocation sampling (GCAllocationTick, one event per ~100 KB, with the type) over 4,000 requests shows which types
/// are allocated per request: none may be the engine's own (a per-request session, transaction, timer or log object
/// of ~100 bytes would be sampled a few times). The simulated client and server allocate (buffers, parsed lines);
/// their total per request is bounded so that a new engine allocation of strings or arrays shows up there too.
/// </summary>
[Collection(AllocationSamplingCollection.Name)]
public sealed class HttpKeepAliveAllocationTests(ITestOutputHelper output)
{
    private const int Requests = 4000;

    private sealed class AllocationSampler : EventListener
    {
        private readonly Dictionary<string, int> _byType = [];

        public Dictionary<string, int> Snapshot()
        {
            lock (_byType)
            {
                return new Dictionary<string, int>(_byType);
            }
        }

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: AllocationTick
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || e.Payload is not { } payload)
            {
                return;
            }

            var index = e.PayloadNames!.IndexOf("TypeName");
            if (index >= 0 && payload[index] is string type)
            {
                lock (_byType)
                {
                    _byType[type] = _byType.GetValueOrDefault(type) + 1;
                }
            }
        }
    }

    [Fact]
    public void KeepAlive_4000Requests_NoEngineTypeAllocatedPerRequest()
    {
        var h = FromConfig("defaults\n    mode http\n    log global\n    option httplog\n    option http-server-close\n"
            + "    timeout client 10s\n    timeout server 10s\n    timeout connect 5s\n"
            + "frontend fe\n    bind 127.0.0.1:10001\n    capture request header Host len 16\n    default_backend be\n"
            + "backend be\n    server s1 127.0.0.1:20001\n");
        HttpServer(h);
        h.Start();
        var actions = new SimClientAction[Requests];
        Array.Fill(actions, Get("/"));

        Dictionary<string, int> sampled;
        long perRequest;
        using (var sampler = new AllocationSampler())
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var c = h.AddClient(FePort, 0, actions);
            h.RunUntil(() => c.Done, 600_000);
            perRequest = (GC.GetAllocatedBytesForCurrentThread() - before) / Requests;
            Assert.Equal(Requests, c.ResponsesReceived);
            sampled = sampler.Snapshot();
        }

        output.WriteLine($"{perRequest} bytes allocated per request (engine and simulated peers)");
        foreach (var (type, count) in sampled.OrderByDescending(x => x.Value))
        {
            output.WriteLine($"{count,5} {type}");
        }

        Assert.Equal(Requests, SessionLines(h).Count);
        // The allocated type itself (generic arguments aside: the simulated poller's ready list holds Core's IIoHandler).
        Assert.DoesNotContain(sampled.Keys, t => t.StartsWith("HaproxyNet.Core.", StringComparison.Ordinal)
            || t.StartsWith("HaproxyNet.IO.", StringComparison.Ordinal) || t.StartsWith("HaproxyNet.Logging.", StringComparison.Ordinal));

        // Measured 2026-12-07: 5,282 bytes, nearly all the simulated peers' (SimNetwork's ready list, SimHttpConnection's
        // string splits, SimHttpBehavior's StringBuilder, the captured log line as a string).
        Assert.True(perRequest <= 8192, $"{perRequest} bytes per request");
    }
}

/// <summary>Allocation sampling is process-wide: these tests run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationSamplingCollection
{
    public const string Name = "AllocationSampling";
}
