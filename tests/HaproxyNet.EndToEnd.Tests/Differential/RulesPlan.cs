using System.Globalization;
using System.Text;
using HaproxyNet.Testing.Http;

namespace HaproxyNet.EndToEnd.Tests.Differential;

/// <summary>
/// The rules mode of the differential test: <see cref="Groups"/> generated configs (each its own <c>defaults</c>
/// section, one frontend <c>g&lt;N&gt;</c> on port placeholder <c>G&lt;N&gt;_PORT</c> and two or three backends
/// <c>g&lt;N&gt;b&lt;K&gt;</c>), concatenated into one haproxy.cfg so a run starts one process per side, and the
/// generated requests of each group (<see cref="DifferentialCase"/>, frontend = the group's port placeholder).
/// </summary>
/// <remarks>
/// What a group draws from, all 1.4.25 keywords HaproxyNet performs: ACLs on method, path*, url*, hdr* (Host,
/// User-Agent, Cookie, X-Level, X-Forwarded-For, X-Api-Key), src, req_ver, http_first_req, nbsrv, fe_id and the
/// predefined ones (request side), status/shdr*/resp_ver (response side), conditions with <c>if</c>/<c>unless</c>,
/// <c>!</c>, <c>||</c> and several terms; <c>block</c>, <c>http-request allow|deny</c>, <c>reqallow/reqdeny/
/// reqtarpit/reqrep/reqirep/reqdel/reqidel/reqadd</c>, <c>rspadd/rspdel/rspidel/rsprep/rspirep/rspdeny</c>,
/// <c>redirect location|prefix</c> (codes 301/302/303, drop-query, append-slash, set-cookie, clear-cookie),
/// <c>use_backend</c>/<c>default_backend</c>; balance roundrobin, static-rr, leastconn, source, uri (len, depth),
/// url_param (check_post), hdr() (use_domain_only) with map-based or consistent hashing and weights; cookie
/// insert/rewrite/prefix with indirect, nocache, postonly, domain; a disabled server with or without
/// <c>option persist</c>/<c>force-persist</c>/<c>option redispatch</c>; <c>capture cookie</c>, forwardfor, originalto,
/// checkcache, server <c>redir</c>. (1.4.25 has no <c>cook()</c> nor <c>url_param()</c> ACL: <c>acl.tsv</c> lists
/// neither; cookies are matched with <c>hdr_sub(cookie)</c>.)
/// </remarks>
internal sealed class RulesPlan
{
    private static readonly string[] Paths =
    [
        "/", "/index.html", "/img/logo.png", "/api/v1/users", "/api/v2/items/42", "/static/css/site.css", "/admin",
        "/admin/login", "/login.php", "/app", "/app/", "/r/setcookie", "/api/setcookie", "/r/404", "/r/304", "/r/close",
        "/r/chunked", "/images/a.jpg",
    ];

    private static readonly string[] Queries = ["", "", "", "?id=7", "?user=alice&id=3", "?lang=en&user=bob", "?user=", "?q=a%20b"];
    private static readonly string[] Hosts = ["www.example.com", "api.example.com", "example.com:8080", "img.example.org", "WWW.Example.COM", "10.0.0.5"];
    private static readonly string[] Agents = ["curl/7.88.1", "Mozilla/5.0 (X11; Linux x86_64)", "Googlebot/2.1 (+http://www.google.com/bot.html)"];

    private static readonly string[] Cookies =
    [
        "SRV=s1", "SRV=s2", "SRV=s3", "SRV=nope", "JSESSIONID=s1~abc123", "JSESSIONID=s2~zz; SRV=s2", "lang=fr; SRV=s1",
        "JSESSIONID=abc123", "SRV=", "SRV=s4; lang=de",
    ];

    private static readonly string[] Methods = ["GET", "GET", "GET", "GET", "POST", "POST", "HEAD", "PUT", "DELETE"];
    private static readonly string[] Bodies = ["user=carol&id=9", "id=1", "", "name=x&user=dave"];

    /// <summary>Request-side ACL lines (without <c>acl name</c>): criterion, flags and patterns.</summary>
    private static readonly string[] RequestAcls =
    [
        "method GET", "method POST HEAD", "path /admin", "path_beg /api /img", "path_beg -i /STATIC", "path_end .png .css",
        "path_end .php", "path_sub v2 admin", "path_dir api static", "path_reg ^/api/v[0-9]+", "path_len gt 10",
        "url_sub user=", "url_beg /api", "url_end =7", "url_reg id=[0-9]", "url_len lt 12", "url_dir app",
        "url_ip 10.0.0.0/8", "url_port 8080", "hdr(host) -i www.example.com", "hdr_beg(host) -i api.",
        "hdr_end(host) .org", "hdr_dom(host) -i example.com", "hdr_sub(user-agent) bot", "hdr_reg(user-agent) ^Mozilla",
        "hdr_cnt(cookie) gt 0", "hdr_len(host) gt 12", "hdr_val(x-level) ge 3", "hdr_ip(x-forwarded-for) 10.0.0.0/8",
        "hdr_sub(cookie) SRV=s2", "hdr(x-api-key) secret", "hdr_beg(cookie) JSESSIONID", "src 127.0.0.1",
        "src 10.0.0.0/8", "req_ver 1.0", "http_first_req", "nbsrv(NBSRV) ge 1", "fe_id 1", "src_port gt 1023",
        "hdr_cnt(x-level) eq 0",
    ];

    private static readonly string[] Predefined = ["METH_GET", "METH_POST", "HTTP_1.0", "HTTP_1.1", "HTTP_URL_SLASH", "HTTP_URL_ABS", "HTTP_CONTENT", "TRUE", "FALSE"];

    private static readonly string[] ResponseAcls =
    [
        "status eq 404", "status 200", "status ge 300", "shdr(content-type) -i text/plain", "shdr_sub(set-cookie) SRV",
        "shdr_cnt(set-cookie) gt 0", "resp_ver 1.0", "shdr_beg(content-type) text",
    ];

    private RulesPlan(int seed, string config, IReadOnlyList<string> frontends, IReadOnlyList<DifferentialCase> cases, IReadOnlyList<string> groupConfigs)
    {
        Seed = seed;
        Config = config;
        Frontends = frontends;
        Cases = cases;
        GroupConfigs = groupConfigs;
    }

    public int Seed { get; }

    /// <summary>The whole haproxy.cfg (placeholders <c>SYSLOG_PORT</c>, <c>BE_PORT</c>, <c>G&lt;N&gt;_PORT</c>).</summary>
    public string Config { get; }

    /// <summary>The port placeholder of each group's frontend.</summary>
    public IReadOnlyList<string> Frontends { get; }

    public IReadOnlyList<DifferentialCase> Cases { get; }

    /// <summary>Each group's own part of <see cref="Config"/> (defaults, frontend, backends), for the failure report.</summary>
    public IReadOnlyList<string> GroupConfigs { get; }

    /// <summary>The group a case belongs to (its frontend placeholder <c>G&lt;N&gt;_PORT</c>).</summary>
    public int GroupOf(DifferentialCase c) => int.Parse(c.Frontend.AsSpan(1, c.Frontend.IndexOf('_', StringComparison.Ordinal) - 1), CultureInfo.InvariantCulture);

    /// <summary>The plan of <paramref name="seed"/>: <paramref name="groups"/> configs, <paramref name="perGroup"/> requests each, played group after group.</summary>
    public static RulesPlan Build(int seed, int groups, int perGroup)
    {
        var config = new StringBuilder();
        config.Append("global\n    log 127.0.0.1:${SYSLOG_PORT} local0\n    maxconn 200\n");
        var frontends = new List<string>();
        var cases = new List<DifferentialCase>();
        var groupConfigs = new List<string>();
        for (var g = 0; g < groups; g++)
        {
            // One generator per group: a group's config and requests depend on (seed, group) only.
            var rng = new Random(unchecked((seed * 7919) + (g * 104729)));
            var text = Group(rng, g);
            groupConfigs.Add(text);
            config.Append('\n').Append(text);
            var port = "G" + g.ToString(CultureInfo.InvariantCulture) + "_PORT";
            frontends.Add(port);
            for (var i = 0; i < perGroup; i++)
            {
                var (bytes, label) = Request(rng);
                var index = cases.Count;
                cases.Add(new DifferentialCase(index, port, new GeneratedRequest(seed, index, bytes, "g" + g.ToString(CultureInfo.InvariantCulture) + " " + label)));
            }
        }

        return new RulesPlan(seed, config.ToString(), frontends, cases, groupConfigs);
    }

    private static T Pick<T>(Random rng, IReadOnlyList<T> list) => list[rng.Next(list.Count)];

    private static bool Chance(Random rng, int percent) => rng.Next(100) < percent;

    private static string Group(Random rng, int g)
    {
        var n = g.ToString(CultureInfo.InvariantCulture);
        var fe = "g" + n;
        var backends = 2 + rng.Next(2);
        var text = new StringBuilder();
        text.Append("defaults\n    log global\n    mode http\n    option httplog\n");
        text.Append("    timeout connect 1s\n    timeout client 3s\n    timeout server 3s\n    timeout http-request 2s\n    timeout tarpit 40ms\n");
        text.Append(Pick(rng, ["", "    option http-server-close\n", "    option httpclose\n", "    option forceclose\n"]));
        if (Chance(rng, 40))
        {
            text.Append("    option redispatch\n");
        }

        text.Append("\nfrontend ").Append(fe).Append("\n    bind 127.0.0.1:${G").Append(n).Append("_PORT}\n");
        if (Chance(rng, 50))
        {
            text.Append("    capture request header Host len 20\n");
        }

        if (Chance(rng, 30))
        {
            text.Append("    capture cookie SRV len 20\n");
        }

        var nbsrvTarget = fe + "b" + rng.Next(backends).ToString(CultureInfo.InvariantCulture);
        var acls = Acls(rng, text, "f", 3 + rng.Next(3), nbsrvTarget);
        var rspAcls = Chance(rng, 50) ? Acls(rng, text, "fr", 1 + rng.Next(2), nbsrvTarget, response: true) : [];
        RequestRules(rng, text, acls, rspAcls);
        for (var k = 1; k < backends; k++)
        {
            if (Chance(rng, 75))
            {
                text.Append("    use_backend ").Append(fe).Append('b').Append(k.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(Condition(rng, acls)).Append('\n');
            }
        }

        text.Append("    default_backend ").Append(fe).Append("b0\n");

        for (var k = 0; k < backends; k++)
        {
            Backend(rng, text, fe + "b" + k.ToString(CultureInfo.InvariantCulture), nbsrvTarget);
        }

        return text.ToString();
    }

    /// <summary>Declares <paramref name="count"/> ACLs named <c>&lt;prefix&gt;0..</c>; returns their names.</summary>
    private static List<string> Acls(Random rng, StringBuilder text, string prefix, int count, string nbsrvTarget, bool response = false)
    {
        var names = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var name = prefix + i.ToString(CultureInfo.InvariantCulture);
            var body = Pick(rng, response ? ResponseAcls : RequestAcls).Replace("NBSRV", nbsrvTarget, StringComparison.Ordinal);
            text.Append("    acl ").Append(name).Append(' ').Append(body).Append('\n');
            if (Chance(rng, 20))
            {
                // The same name again: 1.4 ORs the patterns of every line of a name.
                text.Append("    acl ").Append(name).Append(' ').Append(Pick(rng, response ? ResponseAcls : RequestAcls).Replace("NBSRV", nbsrvTarget, StringComparison.Ordinal)).Append('\n');
            }

            names.Add(name);
        }

        return names;
    }

    /// <summary><c>if|unless</c> and one to three terms (ACL names or predefined ones, some negated), sometimes two alternatives.</summary>
    private static string Condition(Random rng, List<string> acls, bool response = false)
    {
        var text = new StringBuilder(Chance(rng, 75) ? "if" : "unless");
        var alternatives = Chance(rng, 25) ? 2 : 1;
        for (var a = 0; a < alternatives; a++)
        {
            if (a > 0)
            {
                text.Append(" ||");
            }

            var terms = 1 + rng.Next(2);
            for (var t = 0; t < terms; t++)
            {
                text.Append(' ');
                if (Chance(rng, 20))
                {
                    text.Append('!');
                }

                text.Append(!response && Chance(rng, 15) ? Pick(rng, Predefined) : Pick(rng, acls));
            }
        }

        return text.ToString();
    }

    private static void RequestRules(Random rng, StringBuilder text, List<string> acls, List<string> rspAcls)
    {
        var count = rng.Next(5);
        var lines = new List<(int Order, string Line)>();
        for (var i = 0; i < count; i++)
        {
            var cond = Condition(rng, acls);
            lines.Add(rng.Next(16) switch
            {
                0 => (0, "block " + cond),
                1 => (1, "http-request deny " + cond),
                2 => (1, "http-request allow " + cond),
                3 => (2, "reqdeny ^[^\\ ]*\\ /admin"),
                4 => (2, "reqallow ^GET\\ /api " + cond),
                5 => (2, "reqtarpit ^DELETE"),
                6 => (2, "reqrep ^([^\\ ]*)\\ /api/(.*) \\1\\ /v2/\\2"),
                7 => (2, "reqirep ^Host:\\ www\\.example\\.com Host:\\ example.com"),
                8 => (2, "reqdel ^X-Api-Key:"),
                9 => (2, "reqidel ^user-agent:.*bot " + cond),
                10 => (3, "reqadd X-Gen:\\ " + i.ToString(CultureInfo.InvariantCulture)),
                11 => (3, "reqadd X-Cond:\\ yes " + cond),
                12 => (5, Redirect(rng) + " " + cond),
                13 => (5, Redirect(rng) + " " + cond),
                14 => (2, "reqrep ^Cookie:\\ (.*)SRV=s2(.*) Cookie:\\ \\1SRV=s1\\2"),
                _ => (1, "http-request deny " + cond),
            });
        }

        var responses = rng.Next(3);
        for (var i = 0; i < responses; i++)
        {
            var cond = rspAcls.Count > 0 && Chance(rng, 60) ? " " + Condition(rng, rspAcls, response: true) : string.Empty;
            lines.Add(rng.Next(7) switch
            {
                0 => (4, "rspadd X-Served:\\ yes" + cond),
                1 => (4, "rspdel ^Content-Type:" + cond),
                2 => (4, "rspidel ^set-cookie:\\ JSESSIONID" + cond),
                3 => (4, "rsprep ^Content-Type:\\ text/plain Content-Type:\\ text/html" + cond),
                4 => (4, "rspirep ^(set-cookie:.*)path=/(.*) \\1path=/app\\2" + cond),
                5 => (4, "rspdeny ^Set-Cookie:\\ SRV=s3" + cond),
                _ => (4, "rspadd Cache-Control:\\ private" + cond),
            });
        }

        // 1.4's evaluation order regardless; written in that order so no "placed after" warning differs.
        lines.Sort((a, b) => a.Order.CompareTo(b.Order));
        foreach (var (_, line) in lines)
        {
            text.Append("    ").Append(line).Append('\n');
        }
    }

    private static string Redirect(Random rng)
    {
        var text = new StringBuilder();
        var prefix = Chance(rng, 50);
        text.Append(prefix ? "redirect prefix " + Pick(rng, ["https://secure.example.com", "/pfx", "http://m.example.com/"]) : "redirect location " + Pick(rng, ["/moved", "http://elsewhere.example.com/x?y=1", "/login"]));
        if (Chance(rng, 50))
        {
            text.Append(" code ").Append(Pick(rng, ["301", "302", "303"]));
        }

        if (prefix && Chance(rng, 40))
        {
            text.Append(" drop-query");
        }

        if (prefix && Chance(rng, 25))
        {
            text.Append(" append-slash");
        }

        if (Chance(rng, 20))
        {
            text.Append(" set-cookie ").Append(Pick(rng, ["SEEN=1", "SEEN", "SRV=s1"]));
        }
        else if (Chance(rng, 20))
        {
            text.Append(" clear-cookie ").Append(Pick(rng, ["SRV", "SEEN="]));
        }

        return text.ToString();
    }

    private static void Backend(Random rng, StringBuilder text, string name, string nbsrvTarget)
    {
        text.Append("\nbackend ").Append(name).Append('\n');
        var balance = Pick(rng, [
            "roundrobin", "roundrobin", "static-rr", "leastconn", "source", "uri", "uri len 5", "uri depth 2",
            "url_param user", "url_param id check_post 64", "hdr(host)", "hdr(Host) use_domain_only", "hdr(user-agent)",
        ]);
        text.Append("    balance ").Append(balance).Append('\n');
        var hashed = balance is "source" || balance.StartsWith("uri", StringComparison.Ordinal) || balance.StartsWith("url_param", StringComparison.Ordinal) || balance.StartsWith("hdr", StringComparison.Ordinal);
        if (hashed && Chance(rng, 50))
        {
            text.Append("    hash-type consistent\n");
        }

        var cookieName = string.Empty;
        if (Chance(rng, 55))
        {
            var mode = Pick(rng, ["insert", "insert", "insert", "rewrite", "prefix"]);
            cookieName = mode == "prefix" ? "JSESSIONID" : "SRV";
            text.Append("    cookie ").Append(cookieName).Append(' ').Append(mode);
            if (mode == "insert")
            {
                if (Chance(rng, 50))
                {
                    text.Append(" indirect");
                }

                if (Chance(rng, 50))
                {
                    text.Append(" nocache");
                }

                if (Chance(rng, 20))
                {
                    text.Append(" postonly");
                }
            }

            if (Chance(rng, 20))
            {
                text.Append(" domain .example.com");
            }

            text.Append('\n');
        }

        var acls = Acls(rng, text, "b", 1 + rng.Next(2), nbsrvTarget);
        if (Chance(rng, 40))
        {
            RequestRules(rng, text, acls, []);
        }

        var disabled = Chance(rng, 25);
        if (disabled && cookieName.Length > 0)
        {
            text.Append(Pick(rng, ["", "    option persist\n", "    force-persist " + Condition(rng, acls) + "\n"]));
        }

        text.Append(Pick(rng, ["", "", "    option forwardfor\n", "    option forwardfor except 127.0.0.1\n", "    option forwardfor header X-Client if-none\n", "    option originalto\n"]));
        if (Chance(rng, 15))
        {
            text.Append("    option checkcache\n");
        }

        var servers = 2 + rng.Next(3);
        for (var s = 1; s <= servers; s++)
        {
            var id = s.ToString(CultureInfo.InvariantCulture);
            text.Append("    server s").Append(id).Append(" 127.0.0.1:${BE_PORT}");
            if (Chance(rng, 40))
            {
                text.Append(" weight ").Append((1 + rng.Next(3)).ToString(CultureInfo.InvariantCulture));
            }

            if (cookieName.Length > 0)
            {
                text.Append(" cookie s").Append(id);
            }

            if (disabled && s == 3)
            {
                text.Append(" disabled");
            }

            if (s == servers && Chance(rng, 10))
            {
                text.Append(" redir http://s").Append(id).Append(".example.com");
            }

            text.Append('\n');
        }
    }

    /// <summary>One well-formed request drawn from the vocabulary the ACLs match on.</summary>
    private static (byte[] Bytes, string Label) Request(Random rng)
    {
        var method = Pick(rng, Methods);
        var uri = Pick(rng, Paths) + Pick(rng, Queries);
        if (Chance(rng, 6))
        {
            uri = "http://" + Pick(rng, ["10.1.2.3:8080", "www.example.com", "192.168.0.1"]) + uri;
        }

        var version = Chance(rng, 15) ? "HTTP/1.0" : "HTTP/1.1";
        var head = new StringBuilder();
        head.Append(method).Append(' ').Append(uri).Append(' ').Append(version).Append("\r\n");
        if (Chance(rng, version == "HTTP/1.1" ? 90 : 50))
        {
            head.Append("Host: ").Append(Pick(rng, Hosts)).Append("\r\n");
        }

        if (Chance(rng, 70))
        {
            head.Append("User-Agent: ").Append(Pick(rng, Agents)).Append("\r\n");
        }

        if (Chance(rng, 60))
        {
            head.Append("Cookie: ").Append(Pick(rng, Cookies)).Append("\r\n");
        }

        if (Chance(rng, 15))
        {
            head.Append("X-Forwarded-For: ").Append(Pick(rng, ["10.1.2.3", "192.168.1.1", "10.9.9.9, 1.2.3.4"])).Append("\r\n");
        }

        if (Chance(rng, 20))
        {
            head.Append("X-Level: ").Append(rng.Next(6).ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }

        if (Chance(rng, 15))
        {
            head.Append("X-Api-Key: ").Append(Pick(rng, ["secret", "other"])).Append("\r\n");
        }

        if (Chance(rng, 15))
        {
            head.Append("Connection: ").Append(Pick(rng, ["close", "keep-alive"])).Append("\r\n");
        }

        var body = string.Empty;
        if (method is "POST" or "PUT")
        {
            body = Pick(rng, Bodies);
            head.Append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ").Append(body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }

        head.Append("\r\n").Append(body);
        return (Encoding.Latin1.GetBytes(head.ToString()), method + " " + uri + " " + version);
    }
}
