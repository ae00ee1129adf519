using System.Text;
using BenchmarkDotNet.Attributes;
using HaproxyNet.Config;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Testing.Config;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Benchmarks;

/// <summary>
/// HTTP requests through the whole engine (analysers, header edits, httplog) on the simulated network, keep-alive
/// (http-server-close: one log line per request) and close. Allocations reported per operation include those of the
/// simulated client and server (buffers of received bytes), so they are an upper bound for the engine's.
/// </summary>
/// <remarks><c>dotnet run -c Release --project tests/HaproxyNet.Benchmarks -- --filter *HttpSession*</c>.</remarks>
[MemoryDiagnoser]
public class HttpSessionBenchmarks
{
    private const int Requests = 200;
    private const string Cfg = "global\n    log 127.0.0.1:514 local0\n    maxconn 100\n"
        + "defaults\n    mode http\n    log global\n    option httplog\n    timeout client 10s\n    timeout server 10s\n    timeout connect 5s\n"
        + "frontend fka\n    bind 127.0.0.1:10001\n    option http-server-close\n    capture request header Host len 16\n    default_backend be\n"
        + "frontend fclose\n    bind 127.0.0.1:10002\n    option httpclose\n    default_backend be\n"
        + "backend be\n    server s1 127.0.0.1:20001\n";

    private EngineHarness _h = null!;
    private SimClientAction[] _keepAlive = null!;

    [IterationSetup]
    public void Setup()
    {
        var env = new InMemoryConfigEnvironment().With("haproxy.cfg", Cfg);
        var result = ConfigLoader.Load(["haproxy.cfg"], new ConfigLoadOptions(), env, new RecordingDiagnosticSink(string.Empty));
        var doc = result.Document!;
        _h = new EngineHarness(RuntimeBuilder.BuildGlobal(doc));
        RuntimeBuilder.BuildProxies(doc, _h.Loop);
        var srv = _h.Network.AddServer(EngineHarness.Ep(20001), SimServerKind.Http);
        srv.Http = new SimHttpBehavior { Body = "hello\n" };
        _h.Start();
        var get = new SimClientAction.Http(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: bench\r\n\r\n"), false);
        _keepAlive = new SimClientAction[Requests];
        Array.Fill(_keepAlive, get);
    }

    /// <summary>200 requests on one client connection (server-close on the server side).</summary>
    [Benchmark(OperationsPerInvoke = Requests)]
    public int KeepAlive()
    {
        var c = _h.AddClient(10001, 0, _keepAlive);
        _h.RunUntil(() => c.Done, 60_000);
        return c.ResponsesReceived;
    }

    /// <summary>200 connections with one request each (httpclose).</summary>
    [Benchmark(OperationsPerInvoke = Requests)]
    public int Close()
    {
        var n = 0;
        var get = new SimClientAction.Http(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: bench\r\n\r\n"), false);
        for (var i = 0; i < Requests; i++)
        {
            var c = _h.AddClient(10002, 0, [get]);
            _h.RunUntil(() => c.Done, 60_000);
            n += c.ResponsesReceived;
        }

        return n;
    }
}
