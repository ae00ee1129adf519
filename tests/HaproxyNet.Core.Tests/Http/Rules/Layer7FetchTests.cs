using static HaproxyNet.Core.Tests.Http.Rules.RuleHarness;

namespace HaproxyNet.Core.Tests.Http.Rules;

/// <summary>
/// Layer-7 ACL fetches on the live transaction, with the verdicts 1.4.25 gave for the same config and requests
/// (reqadd/rspadd conditions observed on the reference binary): request URI and header fetches fail in response
/// rules, method/version/status/shdr/http_first_req do not; status and shdr fail in request rules.
/// </summary>
public class Layer7FetchTests
{
    private const string Rules =
        "    rspadd X-P:\\ 1 if { path_beg / }\n    rspadd X-U:\\ 1 if { url_beg / }\n    rspadd X-H:\\ 1 if { hdr(host) h }\n"
        + "    rspadd X-HC:\\ 1 if { hdr_cnt(host) 1 }\n    rspadd X-M:\\ 1 if METH_GET\n    rspadd X-V:\\ 1 if HTTP_1.1\n"
        + "    rspadd X-S:\\ 1 if { status 200 }\n    rspadd X-SH:\\ 1 if { shdr(content-length) 6 }\n    rspadd X-FR:\\ 1 if { http_first_req }\n"
        + "    reqadd X-S:\\ 1 if { status 200 }\n    reqadd X-SH:\\ 1 if { shdr(content-length) 6 }\n"
        + "    reqadd X-HV:\\ 1 if { hdr_val(x-n) gt 5 }\n    reqadd X-HI:\\ 1 if { hdr_ip(x-ip) 10.0.0.0/8 }\n"
        + "    reqadd X-UI:\\ 1 if { url_ip 10.0.0.0/8 }\n    reqadd X-UP:\\ 1 if { url_port 8080 }\n    reqadd X-UP80:\\ 1 if { url_port 80 }\n";

    [Fact]
    public void ResponseRules_RequestUriAndHeaderFetches_NeverMatch()
    {
        var x = Run(Listen(Rules), "GET /x HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
        Assert.True(x.Response.Contains("\r\n\r\n", StringComparison.Ordinal), x.Response + "|" + string.Join("|", x.Lines));
        var head = x.Response[..x.Response.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        Assert.DoesNotContain("X-P:", head, StringComparison.Ordinal);
        Assert.DoesNotContain("X-U:", head, StringComparison.Ordinal);
        Assert.DoesNotContain("X-H:", head, StringComparison.Ordinal);
        Assert.DoesNotContain("X-HC:", head, StringComparison.Ordinal);
        Assert.EndsWith("X-M: 1\r\nX-V: 1\r\nX-S: 1\r\nX-SH: 1\r\nX-FR: 1", head, StringComparison.Ordinal);
    }

    [Fact]
    public void RequestRules_HdrValHdrIp_LeadingNumberAndAddress()
    {
        var x = Run(Listen(Rules), "GET /x HTTP/1.1\r\nHost: h\r\nX-N: 10abc\r\nX-IP: 10.1.2.3, 1.1.1.1\r\nConnection: close\r\n\r\n");
        Assert.EndsWith("X-IP: 10.1.2.3, 1.1.1.1\r\nConnection: close\r\nX-HV: 1\r\nX-HI: 1\r\n\r\n", x.ServerSaw, StringComparison.Ordinal);
    }

    [Fact]
    public void RequestRules_UrlIpUrlPort_AbsoluteHttpUri()
    {
        var x = Run(Listen(Rules), "GET http://10.2.3.4:8080/x HTTP/1.1\r\nHost: h\r\nX-N: -10\r\nConnection: close\r\n\r\n");
        Assert.EndsWith("Connection: close\r\nX-UI: 1\r\nX-UP: 1\r\n\r\n", x.ServerSaw, StringComparison.Ordinal);
        x = Run(Listen(Rules), "GET http://10.2.3.4/x HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
        Assert.EndsWith("Connection: close\r\nX-UI: 1\r\nX-UP80: 1\r\n\r\n", x.ServerSaw, StringComparison.Ordinal);
        x = Run(Listen(Rules), "GET /rel HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
        Assert.EndsWith("Connection: close\r\n\r\n", x.ServerSaw, StringComparison.Ordinal);
    }
}
