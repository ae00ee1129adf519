using System.Globalization;
using System.Net;
using HaproxyNet.Config;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Testing.Config;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Core.Tests.Sessions;

/// <summary>An engine built from haproxy.cfg text (parser, validity checks, runtime builder) on the simulated network.</summary>
internal static class ConfigHarness
{
    /// <summary>The frontend port every admission config binds.</summary>
    public const int Fe = 10001;

    /// <summary>The backend server port (an echo server).</summary>
    public const int Srv = 20001;

    /// <summary>A non-loopback client address (the simulated network accepts any source).</summary>
    public static readonly IPAddress Remote = IPAddress.Parse("10.1.2.3");

    /// <summary>
    /// <c>global</c> logging to local0, a <c>defaults</c> in TCP mode with <paramref name="defaults"/> lines, and one
    /// <c>listen fe</c> on <see cref="Fe"/> with <paramref name="listen"/> lines and a server on <see cref="Srv"/>.
    /// </summary>
    /// <param name="extra">Sections appended after the listen section.</param>
    public static EngineHarness Build(string listen, string defaults = "option tcplog", SimServerKind kind = SimServerKind.Echo, string extra = "")
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"""
            global
                log 127.0.0.1:514 local0
            defaults
                mode tcp
                log global
                timeout connect 5s
                timeout client 60s
                timeout server 60s
                {defaults}
            listen fe
                bind 127.0.0.1:{Fe}
                {listen}
                server s1 127.0.0.1:{Srv}
            {extra}
            """);
        var env = new InMemoryConfigEnvironment().With("haproxy.cfg", text);
        var sink = new RecordingDiagnosticSink(string.Empty);
        var result = ConfigLoader.Load(["haproxy.cfg"], new ConfigLoadOptions(), env, sink);
        Assert.True(result.IsValid, sink.Text);
        var doc = result.Document!;
        var h = new EngineHarness(RuntimeBuilder.BuildGlobal(doc));
        RuntimeBuilder.BuildProxies(doc, h.Loop);
        h.Network.AddServer(EngineHarness.Ep(Srv), kind);
        return h;
    }

    /// <summary>The proxy named <c>fe</c>.</summary>
    public static Proxy Frontend(EngineHarness h) => h.Loop.Proxies.Find(p => p.Name == "fe")!;

    /// <summary>tcplog lines (those with an accept date) captured so far.</summary>
    public static List<string> SessionLines(EngineHarness h) =>
        h.Log.Messages.Where(m => m.Contains(" [", StringComparison.Ordinal)).ToList();

    /// <summary>Bytes of <paramref name="text"/> (ASCII).</summary>
    public static SimClientAction Send(string text) => new SimClientAction.Send(System.Text.Encoding.ASCII.GetBytes(text));

    /// <summary>Bytes as given.</summary>
    public static SimClientAction Send(params byte[] data) => new SimClientAction.Send(data);
}
