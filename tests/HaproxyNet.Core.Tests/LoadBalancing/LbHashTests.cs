using HaproxyNet.Core.LoadBalancing;

namespace HaproxyNet.Core.Tests.LoadBalancing;

public class LbHashTests
{
    [Theory]
    [InlineData("/index.html", 0x33242976u)]
    [InlineData("abc", 0x3025f862u)]
    [InlineData("www.example.com", 0xa204b186u)]
    [InlineData("", 0u)]
    [InlineData("/", 47u)]
    public void StringHash_LbMdVectors_Match(string input, uint expected)
    {
        Assert.Equal(expected, LbHash.StringHash(System.Text.Encoding.ASCII.GetBytes(input)));
    }

    [Fact]
    public void StringHash_HighByte_IsSignExtended()
    {
        Assert.Equal(0xffffffe9u, LbHash.StringHash([0xE9]));
        Assert.Equal(0x7fu, LbHash.StringHash([0x7F]));
    }

    [Theory]
    [InlineData(0u, 0xab4ed927u)]
    [InlineData(1u, 0x348681b6u)]
    [InlineData(0x7F000001u, 0x8a1b584bu)]
    [InlineData(0x1000u, 0x49c2008bu)]
    public void FullHash_LbMdVectors_Match(uint input, uint expected)
    {
        Assert.Equal(expected, LbHash.FullHash(input));
    }

    [Fact]
    public void HashSource_Ipv4_IsBigEndianAddress()
    {
        Assert.Equal(0x7F000001u, LbHash.HashSource([127, 0, 0, 1]));
    }

    [Fact]
    public void HashSource_Ipv6_XorsTheFourWords()
    {
        byte[] addr = [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0x10];

        Assert.Equal(0x20010db8u ^ 1u ^ 0u ^ 0x10u, LbHash.HashSource(addr));
        Assert.Equal(0u, LbHash.HashSource(System.Net.IPAddress.IPv6Loopback.GetAddressBytes()) ^ 1u);
    }

    [Fact]
    public void HashUri_QueryString_StopsAtQuestionMark()
    {
        Assert.Equal(Hash("/a/b"), LbHash.HashUri("/a/b?x=1"u8, 0, 0, whole: false));
    }

    [Fact]
    public void HashUri_Whole_IncludesQueryString()
    {
        Assert.Equal(Hash("/a/b?x=1"), LbHash.HashUri("/a/b?x=1"u8, 0, 0, whole: true));
    }

    [Theory]
    [InlineData(1, "/a")]
    [InlineData(2, "/a/b")]
    [InlineData(3, "/a/b/c.html")]
    public void HashUri_Depth_StopsAtDepthPlusOneSlash(int depth, string hashed)
    {
        Assert.Equal(Hash(hashed), LbHash.HashUri("/a/b/c.html"u8, 0, depth, whole: false));
    }

    [Theory]
    [InlineData(5, "/inde")]
    [InlineData(11, "/index.html")]
    [InlineData(12, "/index.html")]
    public void HashUri_Len_LimitsBytes(int len, string hashed)
    {
        Assert.Equal(Hash(hashed), LbHash.HashUri("/index.html"u8, len, 0, whole: false));
    }

    [Fact]
    public void HashUri_LenAndDepth_LenAppliesFirst()
    {
        Assert.Equal(Hash("/a/b"), LbHash.HashUri("/a/b/c"u8, 4, 3, whole: false));
    }

    [Theory]
    [InlineData("/p?userid=bob", "bob")]
    [InlineData("/p?lang=en&userid=bob&x=1", "bob")]
    [InlineData("/p?userid=&x=1", "")]
    [InlineData("/p?userid=", "")]
    [InlineData("/p?userid=a&userid=b", "a")]
    public void TryHashUrlParam_Present_HashesValue(string uri, string value)
    {
        Assert.True(LbHash.TryHashUrlParam(Bytes(uri), "userid"u8, out var h));
        Assert.Equal(Hash(value), h);
    }

    [Theory]
    [InlineData("/p")]
    [InlineData("/p?lang=en")]
    [InlineData("/p?xuserid=1")]
    [InlineData("/p?Userid=1")]
    [InlineData("/p?userid")]
    [InlineData("/p?user=1&userid")]
    public void TryHashUrlParam_Absent_ReturnsFalse(string uri)
    {
        Assert.False(LbHash.TryHashUrlParam(Bytes(uri), "userid"u8, out _));
    }

    [Theory]
    [InlineData("a=1&userid=bob", "bob")]
    [InlineData("userid=bob\r\n", "bob")]
    [InlineData("userid=bob x", "bob")]
    [InlineData("userid=b%20ob&c=d", "b%20ob")]
    public void TryHashUrlParamBody_TokenValue_HashesUntilLwsOrAmpersand(string body, string value)
    {
        Assert.True(LbHash.TryHashUrlParamBody(Bytes(body), "userid"u8, out var h));
        Assert.Equal(Hash(value), h);
    }

    [Theory]
    [InlineData("userid=a/b")]
    [InlineData("userid=a\u00e9")]
    [InlineData("other=1")]
    [InlineData("")]
    public void TryHashUrlParamBody_NonTokenOrAbsent_Fails(string body)
    {
        Assert.False(LbHash.TryHashUrlParamBody(System.Text.Encoding.Latin1.GetBytes(body), "userid"u8, out _));
    }

    [Fact]
    public void TryHashHeader_FirstValueOfFirstHeader_Hashed()
    {
        var headers = "Host: x\r\nx-tenant:  t1 , t2\r\nX-Tenant: t3\r\n"u8;

        Assert.True(LbHash.TryHashHeader(headers, "X-Tenant"u8, false, out var h));
        Assert.Equal(Hash("t1"), h);
    }

    [Fact]
    public void TryHashHeader_QuotedComma_NotASeparator()
    {
        Assert.True(LbHash.TryHashHeader("X: \"a,b\",c\n"u8, "X"u8, false, out var h));
        Assert.Equal(Hash("\"a,b\""), h);
    }

    [Theory]
    [InlineData("Host: x\r\n")]
    [InlineData("X-Tenant:\r\n")]
    [InlineData("X-Tenant:   , a\r\n")]
    [InlineData("X-Tenant-Id: a\r\n")]
    [InlineData("")]
    public void TryHashHeader_AbsentOrEmpty_ReturnsFalse(string headers)
    {
        Assert.False(LbHash.TryHashHeader(Bytes(headers), "X-Tenant"u8, false, out _));
    }

    [Fact]
    public void TryHashHeader_UseDomainOnly_HashesReversedDomain()
    {
        Assert.True(LbHash.TryHashHeader("Host: www.example.com\r\n"u8, "host"u8, true, out var h));
        Assert.Equal(0x90b58f0au, h);
        Assert.Equal(Hash("elpmaxe"), h);
    }

    [Theory]
    [InlineData("example.com", "elpmaxe")]
    [InlineData("a.b.example.com", "elpmaxe")]
    [InlineData("localhost", "")]
    [InlineData("host.", "tsoh")]
    public void HashDomain_Values_HashExpectedPart(string value, string reversedPart)
    {
        Assert.Equal(Hash(reversedPart), LbHash.HashDomain(Bytes(value)));
    }

    [Fact]
    public void TryHashRdpCookie_WellFormed_HashesValue()
    {
        var payload = Rdp("Cookie: mstshash=alice\r\n");

        Assert.True(LbHash.TryHashRdpCookie(payload, "mstshash"u8, out var h));
        Assert.Equal(Hash("alice"), h);
    }

    [Fact]
    public void TryHashRdpCookie_CaseInsensitiveNamesAndSpaces_Accepted()
    {
        Assert.True(LbHash.TryGetRdpCookie(Rdp("cOOKIE:   MSTSHASH=bob\r\nrest"), "mstshash"u8, out var v));
        Assert.Equal("bob"u8.ToArray(), v.ToArray());
    }

    [Theory]
    [InlineData("Cookie: mstshash=alice\r")]
    [InlineData("Cookie: mstshash=alice\rX")]
    [InlineData("Cookie: mstshash=alice")]
    [InlineData("Cookie: other=alice\r\n")]
    [InlineData("Cookies mstshash=alice\r\n")]
    [InlineData("Cookie: mstshash=\r\n")]
    public void TryHashRdpCookie_MalformedOrEmpty_ReturnsFalse(string cookie)
    {
        Assert.False(LbHash.TryHashRdpCookie(Rdp(cookie), "mstshash"u8, out _));
    }

    [Fact]
    public void TryGetRdpCookie_ElevenBytesOnly_TooShort()
    {
        Assert.False(LbHash.TryGetRdpCookie(new byte[11], "mstshash"u8, out _));
        Assert.False(LbHash.TryGetRdpCookie(Rdp("Cookie:"), "mstshash"u8, out _));
    }

    [Theory]
    [InlineData("6\r\nid=abc\r\n0\r\n", "id=abc")]
    [InlineData("A\r\nid=abcdefgh\r\n", "id=abcdefg")]
    [InlineData("a\r\nid=abc", "id=abc")]
    [InlineData("3\n\nid=abc", "id=")]
    [InlineData("0\r\n", "")]
    public void TryGetFirstChunk_WellFormed_ReturnsChunkData(string body, string data)
    {
        Assert.True(LbHash.TryGetFirstChunk(Bytes(body), out var d));
        Assert.Equal(data, System.Text.Encoding.ASCII.GetString(d));
    }

    [Theory]
    [InlineData("6;ext=1\r\nid=abc")]
    [InlineData("6 \r\nid=abc")]
    [InlineData("6\r")]
    [InlineData("6")]
    [InlineData("")]
    public void TryGetFirstChunk_Malformed_Fails(string body)
    {
        Assert.False(LbHash.TryGetFirstChunk(Bytes(body), out _));
    }

    private static byte[] Rdp(string cookie)
    {
        var b = new byte[11 + cookie.Length];
        System.Text.Encoding.Latin1.GetBytes(cookie, b.AsSpan(11));
        return b;
    }

    private static byte[] Bytes(string s) => System.Text.Encoding.ASCII.GetBytes(s);

    private static uint Hash(string s) => LbHash.StringHash(Bytes(s));
}
