using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using HaproxyNet.Core.LoadBalancing;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Testing;
using static HaproxyNet.Core.Tests.LoadBalancing.LbTestBackend;

namespace HaproxyNet.Core.Tests.LoadBalancing;

public partial class LbPickerTests
{
    [Theory]
    [InlineData("be_source", 8)]
    [InlineData("be_uri", 11)]
    [InlineData("be_url_param", 9)]
    [InlineData("be_hdr", 9)]
    [InlineData("be_uri_chash", 8)]
    [InlineData("be_static_rr", 7)]
    [InlineData("be_rr_weights", 10)]
    public void PickServer_GoldenLbAlgorithms_MatchesRecordedServers(string backend, int requests)
    {
        // Backends as in testdata/golden/lb-algorithms/haproxy.cfg; requests are sequential there.
        var (px, lb) = backend switch
        {
            "be_source" => Create(Algo(LbAlgorithm.Source), "a:1", "b:1", "c:1"),
            "be_uri" => Create(Algo(LbAlgorithm.Uri), "a:1", "b:1", "c:2"),
            "be_url_param" => Create(Algo(LbAlgorithm.UrlParam) with { UrlParamName = "userid" }, "a:1", "b:1", "c:1"),
            "be_hdr" => Create(Algo(LbAlgorithm.Header) with { HeaderName = "X-Tenant" }, "a:1", "b:1", "c:1"),
            "be_uri_chash" => Create(Algo(LbAlgorithm.Uri, HashType.Consistent), "a:1", "b:1", "c:1"),
            "be_static_rr" => Create(Algo(LbAlgorithm.StaticRoundRobin), "a:1", "b:2", "c:3"),
            _ => Create(Algo(LbAlgorithm.RoundRobin), "a:5", "b:3", "c:1"),
        };

        var lines = ReadGoldenLines(backend);
        Assert.Equal(requests, lines.Count);
        var hdrIndex = 0;
        foreach (var (client, server, uri) in lines)
        {
            // scenario.json: the first six be_hdr requests carry "X-Tenant: tenant-<i>", the last three none.
            hdrIndex++;
            var headers = backend == "be_hdr" && hdrIndex <= 6
                ? "X-Tenant: tenant-" + hdrIndex + "\r\nConnection: close\r\n"
                : "Connection: close\r\n";
            var request = new LbRequest
            {
                ClientAddress = IPAddress.Parse(client).GetAddressBytes(),
                Uri = Encoding.ASCII.GetBytes(uri),
                Headers = Encoding.ASCII.GetBytes(headers),
            };

            var picked = LbPicker.PickServer(lb, request, null, 0);

            Assert.NotNull(picked);
            Assert.True(server == picked.Name, $"{backend} {client} {uri}: expected {server}, got {picked.Name}");
            Take(lb, picked);
            Release(lb, picked);
        }

        Assert.NotNull(px);
    }

    [Fact]
    public void PickServer_SourceWithOneServerInUse_HashIsZero()
    {
        var (px, lb) = Create(Algo(LbAlgorithm.Source), "a:1", "b:1", "c:1");
        SetDown(lb, Srv(px, "b"));
        SetDown(lb, Srv(px, "c"));
        Assert.Equal(1, lb.TotUsed);

        Assert.Same(Srv(px, "a"), LbPicker.PickServer(lb, new LbRequest { ClientAddress = [10, 0, 0, 7] }, null, 0));
    }

    [Fact]
    public void PickServer_HeaderAbsentWithOneServer_FallsBackToRoundRobin()
    {
        var settings = Algo(LbAlgorithm.Header, HashType.Consistent) with { HeaderName = "X-T" };
        var (px, lb) = Create(settings, "a:1");
        var a = Srv(px, "a");
        a.MaxConn = 1;
        Take(lb, a);

        // Absent header: round robin on the ring, which skips the saturated server → FULL.
        Assert.Null(LbPicker.PickServer(lb, new LbRequest { Headers = "Host: x\r\n"u8 }, null, 0));

        // Present header: hash lookup, saturation ignored.
        Assert.Same(a, LbPicker.PickServer(lb, new LbRequest { Headers = "X-T: v\r\n"u8 }, null, 0));
    }

    [Fact]
    public void PickServer_UrlParamPostBody_UsedWhenUriHasNone()
    {
        var settings = Algo(LbAlgorithm.UrlParam) with { UrlParamName = "id", UrlParamPostLimit = 48 };
        var (_, lb) = Create(settings, "a:1", "b:1", "c:1");
        var hash = LbHash.StringHash("xyz"u8);
        var expected = lb.GetServerByHash(hash)!;

        var viaBody = LbPicker.PickServer(lb, new LbRequest { Uri = "/p"u8, IsPost = true, Body = "id=xyz"u8 }, null, 0);

        Assert.Same(expected, viaBody);
    }

    [Fact]
    public void PickServer_UrlParamBodyOnGet_Ignored()
    {
        var settings = Algo(LbAlgorithm.UrlParam) with { UrlParamName = "id" };
        var (px, lb) = Create(settings, "a:1", "b:1", "c:1");

        // Not found in the URI and not a POST: round robin from slot 0.
        Assert.Same(Srv(px, "a"), LbPicker.PickServer(lb, new LbRequest { Uri = "/p"u8, Body = "id=c"u8 }, null, 0));
        Assert.Same(Srv(px, "b"), LbPicker.PickServer(lb, new LbRequest { Uri = "/p"u8, Body = "id=c"u8 }, null, 0));
    }

    [Fact]
    public void PickServer_UrlParamWithOneServer_StillHashesValue()
    {
        // url_param has no tot_used shortcut, but one server means one map slot anyway.
        var settings = Algo(LbAlgorithm.UrlParam) with { UrlParamName = "id" };
        var (px, lb) = Create(settings, "a:1");

        Assert.Same(Srv(px, "a"), LbPicker.PickServer(lb, new LbRequest { Uri = "/?id=1"u8 }, null, 0));
    }

    [Fact]
    public void PickServer_RdpCookie_HashedToServer()
    {
        var (_, lb) = Create(Algo(LbAlgorithm.RdpCookie), "a:1", "b:1", "c:1");
        var payload = new byte[11 + 26];
        Encoding.ASCII.GetBytes("Cookie: mstshash=alice\r\n\r\n", payload.AsSpan(11));
        var expected = lb.GetServerByHash(LbHash.StringHash("alice"u8));

        Assert.Same(expected, LbPicker.PickServer(lb, new LbRequest { Payload = payload }, null, 0));
    }

    [Fact]
    public void PickServer_RoundRobinAlgorithms_IgnoreInputs()
    {
        var (px, lb) = Create(Algo(LbAlgorithm.LeastConn), "a:1", "b:1");

        Assert.Same(Srv(px, "b"), LbPicker.PickServer(lb, new LbRequest { Uri = "/x"u8 }, Srv(px, "a"), 0));
    }

    [Theory]
    [InlineData(LbAlgorithm.RoundRobin, HashType.MapBased)]
    [InlineData(LbAlgorithm.StaticRoundRobin, HashType.MapBased)]
    [InlineData(LbAlgorithm.LeastConn, HashType.MapBased)]
    [InlineData(LbAlgorithm.Header, HashType.MapBased)]
    [InlineData(LbAlgorithm.Header, HashType.Consistent)]
    [InlineData(LbAlgorithm.UrlParam, HashType.Consistent)]
    public void PickServer_SteadyState_AllocatesNothing(LbAlgorithm algorithm, HashType hashType)
    {
        var settings = Algo(algorithm, hashType) with { HeaderName = "X-T", UrlParamName = "id" };
        var (_, lb) = Create(settings, "a:3", "b:2", "c:1");
        byte[] headers = Encoding.ASCII.GetBytes("Host: h\r\nX-T: tenant\r\n");
        byte[] uri = Encoding.ASCII.GetBytes("/p?x=1&id=42");
        byte[] noParam = Encoding.ASCII.GetBytes("/p");
        Run(lb, headers, uri, noParam, 100);

        var before = GC.GetAllocatedBytesForCurrentThread();
        Run(lb, headers, uri, noParam, 1000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);

        static void Run(ILoadBalancer lb, byte[] headers, byte[] uri, byte[] noParam, int n)
        {
            for (var i = 0; i < n; i++)
            {
                var req = new LbRequest { Headers = headers, Uri = (i & 1) == 0 ? uri : noParam };
                var s = LbPicker.PickServer(lb, req, null, i)!;
                Take(lb, s);
                Release(lb, s);
            }
        }
    }

    private static List<(string Client, string Server, string Uri)> ReadGoldenLines(string backend)
    {
        var path = Path.Combine(TestDataPaths.Golden("lb-algorithms"), "expected.log");
        var result = new List<(string, string, string)>();
        foreach (var line in File.ReadLines(path))
        {
            var m = LogLine().Match(line);
            if (m.Success && m.Groups["be"].Value == backend)
            {
                result.Add((m.Groups["ip"].Value, m.Groups["srv"].Value, m.Groups["uri"].Value));
            }
        }

        return result;
    }

    [GeneratedRegex("""\]: (?<ip>[0-9.]+):c\d+ \[ACCEPT_DATE\] \S+ (?<be>[^/ ]+)/(?<srv>\S+) .* "GET (?<uri>\S+) HTTP/1\.1"$""")]
    private static partial Regex LogLine();
}
