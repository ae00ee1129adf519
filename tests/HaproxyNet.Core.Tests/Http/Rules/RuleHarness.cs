using System.Net;
using System.Text;
using HaproxyNet.Testing.Engine;
using static HaproxyNet.Core.Tests.Http.HttpHarness;

namespace HaproxyNet.Core.Tests.Http.Rules;

/// <summary>One request through a config in virtual time: what the client got, what the server got, the log line.</summary>
internal sealed record RuleExchange(string Response, string ServerSaw, IReadOnlyList<string> Lines)
{
    public string Line => Assert.Single(Lines);
}

internal static class RuleHarness
{
    public const string Defaults = "defaults\n    mode http\n    log global\n    option httplog\n    retries 0\n"
        + "    timeout client 10s\n    timeout server 10s\n    timeout connect 5s\n";

    /// <summary>A listen section on the front port with <paramref name="rules"/> and one server.</summary>
    public static string Listen(string rules, string extraSections = "") =>
        Defaults + "listen fe\n    bind 127.0.0.1:10001\n" + rules + "    server s1 127.0.0.1:20001\n" + extraSections;

    /// <summary>Sends <paramref name="request"/> (closing afterwards) and runs until everything is logged.</summary>
    public static RuleExchange Run(string cfg, string request, SimHttpBehavior? server = null, IPAddress? source = null, int runMs = 200)
    {
        var h = FromConfig(cfg);
        var srv = HttpServer(h);
        if (server is not null)
        {
            srv.Http = server;
        }

        h.Start();
        var actions = new SimClientAction[] { Send(request), new SimClientAction.RecvUntilClose() };
        var c = source is null ? h.AddClient(FePort, 0, actions) : h.AddClientFrom(source, FePort, 0, actions);
        h.RunFor(runMs);
        return new RuleExchange(Received(c), Encoding.Latin1.GetString([.. srv.Received]), SessionLines(h));
    }
}
