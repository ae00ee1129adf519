using System.Text;
using HaproxyNet.Config;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Testing.Config;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Core.Tests.Http;

/// <summary>An engine built from a haproxy.cfg text on the simulated network, for HTTP tests in virtual time.</summary>
internal static class HttpHarness
{
    public const int FePort = 10001;
    public const int BePort = 20001;

    /// <summary>Loads <paramref name="cfg"/> (global log to local0 and the ports above added by the caller's text).</summary>
    public static EngineHarness FromConfig(string cfg, bool trace = false)
    {
        var text = "global\n    log 127.0.0.1:514 local0\n    maxconn 100\n" + cfg;
        var env = new InMemoryConfigEnvironment().With("haproxy.cfg", text);
        var sink = new RecordingDiagnosticSink(string.Empty);
        var result = ConfigLoader.Load(["haproxy.cfg"], new ConfigLoadOptions(), env, sink);
        Assert.True(result.IsValid, sink.Text);
        var doc = result.Document!;
        var h = new EngineHarness(RuntimeBuilder.BuildGlobal(doc), trace ? true : null);
        RuntimeBuilder.BuildProxies(doc, h.Loop);
        return h;
    }

    /// <summary>An HTTP backend answering <paramref name="body"/> after <paramref name="delayMs"/>.</summary>
    public static SimServer HttpServer(EngineHarness h, int port = BePort, string body = "hello\n", int delayMs = 0)
    {
        var s = h.Network.AddServer(EngineHarness.Ep(port), SimServerKind.Http);
        s.Http = new SimHttpBehavior { Body = body, DelayMs = delayMs };
        return s;
    }

    public static SimClientAction.Http Get(string path, string extraHeaders = "") =>
        new(Encoding.ASCII.GetBytes("GET " + path + " HTTP/1.1\r\nHost: t\r\n" + extraHeaders + "\r\n"), false);

    public static SimClientAction.Send Send(string text) => new(Encoding.Latin1.GetBytes(text));

    public static string Received(SimClient c) => Encoding.Latin1.GetString([.. c.Received]);

    /// <summary>Session log lines (those with a client address).</summary>
    public static IReadOnlyList<string> SessionLines(EngineHarness h) =>
        h.Log.Messages.Where(m => m.StartsWith("127.0.0.1:", StringComparison.Ordinal)).ToList();
}
