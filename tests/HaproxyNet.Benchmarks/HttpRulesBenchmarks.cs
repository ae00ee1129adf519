using System.Text;
using BenchmarkDotNet.Attributes;
using HaproxyNet.Config;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Testing.Config;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Benchmarks;

/// <summary>
/// The layer-7 rules' cost per request: the same keep-alive exchange as <see cref="HttpSessionBenchmarks"/>
/// through a plain frontend (baseline) and through a rule-heavy one (20 ACLs on method, path, url, hdr, hdr_cnt,
/// src, 5 use_backend, http-request, a reqirep that matches, a reqidel that does not, reqadd, rspadd, option
/// forwardfor). The difference of the "Allocated" columns is what the rules allocate per request.
/// </summary>
/// <remarks><c>dotnet run -c Release --project tests/HaproxyNet.Benchmarks -- --filter *HttpRules* --job short --inProcess</c>.</remarks>
[MemoryDiagnoser]
public class HttpRulesBenchmarks
{
    private const int Requests = 200;

    private static readonly string Cfg = BuildConfig();

    private EngineHarness _h = null!;
    private SimClientAction[] _plain = null!;
    private SimClientAction[] _rules = null!;

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
        var get = new SimClientAction.Http(Encoding.ASCII.GetBytes(
            "GET /static/img/logo.png?v=3 HTTP/1.1\r\nHost: www.bench.test\r\nUser-Agent: bench/1.0\r\nX-Tag: old-1\r\nAccept: */*\r\n\r\n"), false);
        _plain = new SimClientAction[Requests];
        Array.Fill(_plain, get);
        _rules = _plain;
    }

    /// <summary>Baseline: no rules.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Requests)]
    public int Plain() => Run(10001, _plain);

    /// <summary>The rule-heavy frontend.</summary>
    [Benchmark(OperationsPerInvoke = Requests)]
    public int Rules() => Run(10002, _rules);

    private int Run(int port, SimClientAction[] actions)
    {
        var c = _h.AddClient(port, 0, actions);
        _h.RunUntil(() => c.Done, 60_000);
        return c.ResponsesReceived;
    }

    private static string BuildConfig()
    {
        var sb = new StringBuilder("global\n    log 127.0.0.1:514 local0\n    maxconn 100\n"
            + "defaults\n    mode http\n    log global\n    option httplog\n    option http-server-close\n"
            + "    timeout client 10s\n    timeout server 10s\n    timeout connect 5s\n"
            + "frontend plain\n    bind 127.0.0.1:10001\n    default_backend be\n"
            + "frontend rules\n    bind 127.0.0.1:10002\n    option forwardfor\n");
        for (var i = 0; i < 4; i++)
        {
            sb.Append("    acl p").Append(i).Append(" path_beg /api").Append(i).Append('\n');
            sb.Append("    acl h").Append(i).Append(" hdr(host) -i app").Append(i).Append(".bench.test\n");
            sb.Append("    acl u").Append(i).Append(" url_sub token").Append(i).Append('\n');
            sb.Append("    acl m").Append(i).Append(" method PUT DELETE\n");
            sb.Append("    acl c").Append(i).Append(" hdr_cnt(x-forwarded-for) gt ").Append(i + 1).Append('\n');
        }

        for (var i = 0; i < 4; i++)
        {
            sb.Append("    use_backend be").Append(i).Append(" if p").Append(i).Append(" || h").Append(i).Append(" || u").Append(i).Append(" m").Append(i).Append(" || c").Append(i).Append('\n');
        }

        sb.Append("    use_backend be if { path_end .png }\n");
        sb.Append("    http-request deny if { src 10.0.0.0/8 }\n");
        sb.Append("    reqirep ^X-Tag:\\ old-(.*) X-Tag:\\ new-\\1\n");
        sb.Append("    reqidel ^X-Never:\n");
        sb.Append("    reqadd X-Proto:\\ http\n");
        sb.Append("    rspadd X-Served-By:\\ bench\n");
        sb.Append("    default_backend be\n");
        for (var i = 0; i < 4; i++)
        {
            sb.Append("backend be").Append(i).Append("\n    server s1 127.0.0.1:20001\n");
        }

        sb.Append("backend be\n    server s1 127.0.0.1:20001\n");
        return sb.ToString();
    }
}
