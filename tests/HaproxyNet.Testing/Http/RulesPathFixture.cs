using System.Net;
using System.Text;
using HaproxyNet.Config;
using HaproxyNet.Core.Acl;
using HaproxyNet.Core.Http;
using HaproxyNet.Core.Http.Parsing;
using HaproxyNet.Core.Http.Rules;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Sessions;
using HaproxyNet.Testing.Config;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Testing.Http;

/// <summary>
/// The layer-7 rules path of one request, step by step and outside the event loop: a session of frontend <c>fe</c>
/// holding a parsed request, on which the allocation tests and the BenchmarkDotNet rules benchmarks evaluate the
/// <c>use_backend</c> conditions (<see cref="FirstSwitchingRule"/>) and apply the request rewrites (req* filters, reqadd,
/// option forwardfor) exactly as the analysers call them. <see cref="Load"/> puts the original request back before
/// each step, so a step can run any number of times.
/// </summary>
public sealed class RulesPathFixture
{
    /// <summary>
    /// The rule-heavy frontend of issue 8's measurement: 20 ACLs (path_beg, hdr(host) -i, url_sub, method,
    /// hdr_cnt, path_reg, hdr_reg), 5 use_backend, a reqrep that matches, a reqidel that does not, reqadd, option
    /// forwardfor; the backend inserts a cookie. <paramref name="reqrep"/> is the reqrep line.
    /// </summary>
    public static string RuleHeavyConfig(string reqrep = "reqirep ^X-Tag:\\ old-(.*) X-Tag:\\ new-\\1")
    {
        var sb = new StringBuilder("global\n    maxconn 100\n"
            + "defaults\n    mode http\n    option http-server-close\n"
            + "    timeout client 10s\n    timeout server 10s\n    timeout connect 5s\n"
            + "frontend fe\n    bind 127.0.0.1:10001\n    option forwardfor\n");
        for (var i = 0; i < 4; i++)
        {
            sb.Append("    acl p").Append(i).Append(" path_beg /api").Append(i).Append('\n');
            sb.Append("    acl h").Append(i).Append(" hdr(host) -i app").Append(i).Append(".bench.test\n");
            sb.Append("    acl u").Append(i).Append(" url_sub token").Append(i).Append('\n');
            sb.Append("    acl m").Append(i).Append(" method PUT DELETE\n");
        }

        sb.Append("    acl c0 hdr_cnt(x-forwarded-for) gt 1\n");
        sb.Append("    acl c1 hdr_cnt(x-forwarded-for) gt 2\n");
        sb.Append("    acl r0 path_reg ^/static/.*\\.(css|js)$\n");
        sb.Append("    acl r1 hdr_reg(user-agent) -i (curl|wget)/[0-9]\n");
        for (var i = 0; i < 4; i++)
        {
            sb.Append("    use_backend be").Append(i).Append(" if p").Append(i).Append(" || h").Append(i).Append(" || u").Append(i).Append(" m").Append(i)
                .Append(i < 2 ? " || c" + i : " || r" + (i - 2)).Append('\n');
        }

        sb.Append("    use_backend be if { path_end .png }\n");
        sb.Append("    ").Append(reqrep).Append('\n');
        sb.Append("    reqidel ^X-Never:\n");
        sb.Append("    reqadd X-Proto:\\ http\n");
        sb.Append("    default_backend be\n");
        for (var i = 0; i < 4; i++)
        {
            sb.Append("backend be").Append(i).Append("\n    server s1 127.0.0.1:20001\n");
        }

        sb.Append("backend be\n    cookie SRV insert indirect nocache\n    server s1 127.0.0.1:20001 cookie s1\n");
        return sb.ToString();
    }

    /// <summary>The request the rules see: a static file with a few ordinary headers.</summary>
    public const string DefaultRequest =
        "GET /static/img/logo.png?v=3 HTTP/1.1\r\nHost: www.bench.test\r\nUser-Agent: bench/1.0\r\nX-Tag: old-1\r\n"
        + "Accept: */*\r\nCookie: SRV=s1\r\n\r\n";

    private readonly byte[] _request;

    public RulesPathFixture(string config, string request = DefaultRequest)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(request);
        var env = new InMemoryConfigEnvironment().With("haproxy.cfg", config);
        var sink = new RecordingDiagnosticSink(string.Empty);
        var result = ConfigLoader.Load(["haproxy.cfg"], new ConfigLoadOptions(), env, sink);
        var doc = result.Document ?? throw new InvalidOperationException(sink.Text);
        Harness = new EngineHarness(RuntimeBuilder.BuildGlobal(doc));
        RuntimeBuilder.BuildProxies(doc, Harness.Loop);
        Frontend = Harness.Loop.Proxies.Find(p => p.Name == "fe") ?? throw new InvalidOperationException("no frontend fe");
        Session = new Session(Harness.Loop, Frontend.Listeners[0], 1, 16384)
        {
            ClientAddress = new IPEndPoint(IPAddress.Parse("10.1.2.3"), 4321),
            FrontAddress = new IPEndPoint(IPAddress.Loopback, 10001),
        };
        Session.Txn = new HttpTxn(Frontend);
        _request = Encoding.Latin1.GetBytes(request);
        Load();
    }

    public EngineHarness Harness { get; }

    public Proxy Frontend { get; }

    public Session Session { get; }

    /// <summary>The request bytes as they are now in the session's buffer (after rewrites).</summary>
    public string RequestText => Encoding.Latin1.GetString(Session.Req.GetDataSpan());

    /// <summary>Puts the original request in the buffer and parses it as http_wait_for_request does.</summary>
    public void Load()
    {
        var s = Session;
        var txn = s.Txn!;
        s.Req.Erase();
        _request.CopyTo(s.Req.GetWriteSpan());
        s.Req.Advance(_request.Length);
        s.Be = s.Fe;
        txn.Flags = HttpTxnFlags.None;
        txn.Init(s.Fe, s.Req, s.Rep);
        var data = s.Req.GetDataSpan();
        if (HttpMsgAnalyzer.Analyze(data, txn.Req, txn.ReqIdx) < HttpMsgState.Body)
        {
            throw new InvalidOperationException("the request does not parse");
        }

        txn.Meth = HttpMethods.Find(data.Slice(txn.Req.Som, txn.Req.Rq.MethodLength));
        txn.Flags |= HttpTxnFlags.ReqVer11;
    }

    /// <summary>The use_backend rules in order (process_switching_rules): the index of the first that holds, else -1.</summary>
    public int FirstSwitchingRule()
    {
        var rules = Frontend.SwitchingRules;
        var evaluator = new SessionAclEvaluator(Session, partial: false);
        for (var i = 0; i < rules.Count; i++)
        {
            if (HttpRules.Holds(rules[i].Condition, ref evaluator))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The request rewrites of http_process_req_common and http_process_request: req* filters, reqadd, forwardfor.</summary>
    public bool Rewrite()
    {
        var s = Session;
        var txn = s.Txn!;
        return HttpRegexFilters.ApplyToRequest(s, s.Req, Frontend)
            && HttpReqRules.HeadersAndAuth(s, Frontend, txn, s.Req, authRule: null) == RuleVerdict.Continue
            && HttpForwardHeaders.Apply(s, txn, s.Req);
    }
}
