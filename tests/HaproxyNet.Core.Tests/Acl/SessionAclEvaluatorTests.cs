using System.Net;
using System.Text;
using HaproxyNet.Config.Acl;
using HaproxyNet.Core.Acl;
using HaproxyNet.Core.Sessions;
using HaproxyNet.Core.Tests.Sessions;
using Fetch = HaproxyNet.Core.Acl.SessionAclEvaluator.Fetch;

namespace HaproxyNet.Core.Tests.Acl;

/// <summary>Fetch + match of one expression against a session, and the payload parsers at their boundaries.</summary>
public class SessionAclEvaluatorTests
{
    /// <summary>A session of frontend <c>fe</c> (not started) from 10.1.2.3:4321 to 127.0.0.1:10001 holding <paramref name="payload"/>.</summary>
    private const string Backend = """
        backend b
            server b1 127.0.0.1:20003 maxconn 10 maxqueue 5
            server b2 127.0.0.1:20004 maxconn 3 maxqueue 2
            server b3 127.0.0.1:20005 maxconn 1 maxqueue 1 disabled
        backend nolimit
            server n1 127.0.0.1:20006 maxconn 10
        """;

    private static (Session S, Core.Proxies.Proxy Fe) SessionWith(string rules, byte[] payload)
    {
        var h = ConfigHarness.Build(rules, extra: Backend);
        var fe = ConfigHarness.Frontend(h);
        var s = new Session(h.Loop, fe.Listeners[0], 1, 16384)
        {
            ClientAddress = new IPEndPoint(ConfigHarness.Remote, 4321),
            FrontAddress = EngineHarnessEp(),
        };
        payload.CopyTo(s.Req.GetWriteSpan());
        s.Req.Advance(payload.Length);
        return (s, fe);
    }

    private static IPEndPoint EngineHarnessEp() => new(IPAddress.Loopback, ConfigHarness.Fe);

    private static AclMatchResult Eval(string acl, byte[] payload, bool partial)
    {
        var (s, fe) = SessionWith(acl + "\ntcp-request content accept if x", payload);
        var cond = fe.TcpContentRules[0].Condition!;
        var e = new SessionAclEvaluator(s, partial);
        return cond.Execute(ref e);
    }

    [Theory]
    [InlineData("acl x src 10.0.0.0/8", AclMatchResult.Pass)]
    [InlineData("acl x src 127.0.0.1", AclMatchResult.Fail)]
    [InlineData("acl x src_port 4321", AclMatchResult.Pass)]
    [InlineData("acl x src_port 4322:65535", AclMatchResult.Fail)]
    [InlineData("acl x dst 127.0.0.1", AclMatchResult.Pass)]
    [InlineData("acl x dst_port 10001", AclMatchResult.Pass)]
    [InlineData("acl x dst_port 10000", AclMatchResult.Fail)]
    [InlineData("acl x always_true", AclMatchResult.Pass)]
    [InlineData("acl x always_false", AclMatchResult.Fail)]
    [InlineData("acl x fe_conn 0", AclMatchResult.Pass)]
    [InlineData("acl x fe_conn(nosuch) 0", AclMatchResult.Fail)]
    [InlineData("acl x be_conn(fe) 0", AclMatchResult.Pass)]
    [InlineData("acl x nbsrv 1", AclMatchResult.Pass)]
    [InlineData("acl x hdr(host) -i example.com", AclMatchResult.Fail)] // HTTP criteria fetch nothing here
    [InlineData("acl x fe_id 1", AclMatchResult.Pass)]
    [InlineData("acl x fe_id 2", AclMatchResult.Fail)]
    [InlineData("acl x be_id 1", AclMatchResult.Pass)] // no backend switched yet: the frontend
    [InlineData("acl x so_id 1", AclMatchResult.Pass)]
    [InlineData("acl x srv_id 1", AclMatchResult.Fail)] // no server assigned yet
    [InlineData("acl x nbsrv(b) 2", AclMatchResult.Pass)] // b3 is in maintenance
    [InlineData("acl x connslots(b) 20", AclMatchResult.Pass)] // (10 + 5) + (3 + 2), b3 not UP
    [InlineData("acl x connslots(nolimit) lt 0", AclMatchResult.Pass)] // no maxqueue: -1
    [InlineData("acl x connslots 20", AclMatchResult.Fail)] // the frontend's own server has no limits
    [InlineData("acl x avg_queue(b) 0", AclMatchResult.Pass)]
    [InlineData("acl x queue(b) 0", AclMatchResult.Pass)]
    [InlineData("acl x srv_is_up(s1)", AclMatchResult.Pass)]
    [InlineData("acl x srv_is_up(b/b1)", AclMatchResult.Pass)]
    [InlineData("acl x srv_is_up(b/b3)", AclMatchResult.Fail)]
    public void Evaluate_Layer4AndCounters_Decided(string acl, AclMatchResult expected)
    {
        Assert.Equal(expected, Eval(acl, [], partial: true));
    }

    [Theory]
    [InlineData(true, AclMatchResult.Miss)]
    [InlineData(false, AclMatchResult.Fail)]
    public void Evaluate_ReqLenNotYetEnough_MissOnlyWhilePartial(bool partial, AclMatchResult expected)
    {
        Assert.Equal(expected, Eval("acl x req_len ge 5", [1, 2, 3, 4], partial));
    }

    [Fact]
    public void Evaluate_ReqLenEnough_PassEvenWhilePartial()
    {
        Assert.Equal(AclMatchResult.Pass, Eval("acl x req_len ge 5", [1, 2, 3, 4, 5], partial: true));
    }

    [Theory]
    [InlineData(true, AclMatchResult.Miss)]
    [InlineData(false, AclMatchResult.Pass)]
    public void Evaluate_WaitEnd_TrueOnlyOnceFinal(bool partial, AclMatchResult expected)
    {
        Assert.Equal(expected, Eval("acl x wait_end", [], partial));
    }

    [Fact]
    public void Evaluate_NegatedMiss_StaysMiss()
    {
        var (s, fe) = SessionWith("acl x req_len gt 0\ntcp-request content accept if !x", []);
        var e = new SessionAclEvaluator(s, partial: true);
        Assert.Equal(AclMatchResult.Miss, fe.TcpContentRules[0].Condition!.Execute(ref e));
    }

    [Fact]
    public void Evaluate_Warm_AllocatesNothing()
    {
        byte[] rdp = [0x03, 0x00, 0x00, 0x2A, 0x25, 0xE0, 0, 0, 0, 0, 0, .. "Cookie: mstshash=alice\r\n"u8];
        var (s, fe) = SessionWith("""
            acl a src 10.0.0.0/8
            acl b req_len gt 0
            acl c req_rdp_cookie(mstshash) alice
            acl d fe_sess_rate lt 100
            tcp-request content accept if a b c d
            """, rdp);
        var cond = fe.TcpContentRules[0].Condition!;
        var e = new SessionAclEvaluator(s, partial: true);
        Assert.Equal(AclMatchResult.Pass, cond.Execute(ref e));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            cond.Execute(ref e);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData(new byte[] { }, Fetch.TooShort, 0)]
    [InlineData(new byte[] { 0x16, 0x03, 0x01, 0x00 }, Fetch.TooShort, 0)] // record header needs 5 bytes
    [InlineData(new byte[] { 0x16, 0x03, 0x01, 0x00, 0x01 }, Fetch.TooShort, 0x30001)] // 1-byte message missing
    [InlineData(new byte[] { 0x16, 0x03, 0x01, 0x00, 0x01, 0x00 }, Fetch.Found, 0x30001)]
    [InlineData(new byte[] { 0x17, 0x03, 0x03, 0x00, 0x01, 0x00 }, Fetch.Found, 0x30003)] // any record type 0x14..0x17
    [InlineData(new byte[] { 0x16, 0x02, 0x00, 0x00, 0x01, 0x00 }, Fetch.NotFound, 0x20000)] // below SSLv3
    [InlineData(new byte[] { 0x16, 0x03, 0x01, 0x00, 0x00 }, Fetch.NotFound, 0x30001)] // empty record
    [InlineData(new byte[] { 0x16, 0x03, 0x01, 0x48, 0x01 }, Fetch.NotFound, 0x30001)] // 2^14 + 2048 + 1
    public void ReadSslVersion_Sslv3Records(byte[] data, Fetch expected, int version)
    {
        Assert.Equal(expected, SessionAclEvaluator.ReadSslVersion(data, 16384, out var v));
        Assert.Equal(version, v);
    }

    [Fact]
    public void ReadSslVersion_Sslv2ClientHello_Found()
    {
        // Short header, 2-byte length 9 + 3 (cipher) + 0 + 16 (challenge) = 28, type 1, version 3.0.
        byte[] hello = [0x80, 28, 0x01, 0x03, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x10, .. new byte[3 + 16]];
        Assert.Equal(Fetch.Found, SessionAclEvaluator.ReadSslVersion(hello, 16384, out var v));
        Assert.Equal(0x30000, v);
        Assert.Equal(Fetch.TooShort, SessionAclEvaluator.ReadSslVersion(hello.AsSpan(0, hello.Length - 1), 16384, out _));
    }

    [Fact]
    public void ReadSslVersion_MessageLongerThanBuffer_CappedToTheBuffer()
    {
        byte[] record = [0x16, 0x03, 0x01, 0x40, 0x00, .. new byte[64]]; // announces 16384 bytes
        Assert.Equal(Fetch.TooShort, SessionAclEvaluator.ReadSslVersion(record, 1024, out _));
        Assert.Equal(Fetch.Found, SessionAclEvaluator.ReadSslVersion(record, 64, out _));
    }

    [Theory]
    [InlineData("xxxxxxxxxxx", null, Fetch.TooShort)] // 11 bytes: nothing after the skipped header
    [InlineData("xxxxxxxxxxxCookie:", null, Fetch.TooShort)] // 1.4 wants more than 7 bytes to compare
    [InlineData("xxxxxxxxxxxCookie: ", null, Fetch.TooShort)]
    [InlineData("xxxxxxxxxxxCOOKIE: a=b\r\n", null, Fetch.Found)]
    [InlineData("xxxxxxxxxxxCookie  a=b\r\n", null, Fetch.NotFound)]
    [InlineData("xxxxxxxxxxxCookie: ab\r\n", null, Fetch.NotFound)] // CR before any '='
    [InlineData("xxxxxxxxxxxCookie: a=b\r", null, Fetch.TooShort)] // CR is the last byte
    [InlineData("xxxxxxxxxxxCookie: a=b\rx", null, Fetch.NotFound)]
    [InlineData("xxxxxxxxxxxCookie: mstshash=bob\r\n", "MSTSHASH", Fetch.Found)]
    [InlineData("xxxxxxxxxxxCookie: mstshash", "mstshash", Fetch.TooShort)]
    [InlineData("xxxxxxxxxxxCookie: mstshasX=bob\r\n", "mstshash", Fetch.NotFound)]
    public void ReadRdpCookie_Boundaries(string data, string? name, Fetch expected)
    {
        Assert.Equal(expected, SessionAclEvaluator.ReadRdpCookie(Encoding.ASCII.GetBytes(data), name, out _));
    }

    [Fact]
    public void ReadRdpCookie_Found_ValueUpToCr()
    {
        Assert.Equal(Fetch.Found, SessionAclEvaluator.ReadRdpCookie("xxxxxxxxxxxCookie:   mstshash=alice\r\n"u8, "mstshash", out var v));
        Assert.Equal("alice", Encoding.ASCII.GetString(v));
    }
}
