using System.Net;
using System.Text;
using HaproxyNet.Config.Acl;

namespace HaproxyNet.Config.Tests.Acl;

public class AclMatcherTests
{
    private readonly AclTestEnvironment _env = new();

    private AclMatchResult MatchString(string line, string value) =>
        AclMatcher.MatchAny(_env.Parse(line), Encoding.Latin1.GetBytes(value));

    [Theory]
    [InlineData("hdr(host) www.example.com", "www.example.com", AclMatchResult.Pass)]
    [InlineData("hdr(host) www.example.com", "www.example.co", AclMatchResult.Fail)]
    [InlineData("hdr(host) www.example.com", "www.example.comx", AclMatchResult.Fail)]
    [InlineData("hdr(host) www.example.com", "WWW.example.com", AclMatchResult.Fail)]
    [InlineData("hdr(host) -i www.example.com", "WWW.Example.COM", AclMatchResult.Pass)]
    [InlineData("hdr(host) a b c", "b", AclMatchResult.Pass)]
    [InlineData("url *", "*", AclMatchResult.Pass)]
    public void MatchAny_ExactString_NeedsSameLength(string line, string value, AclMatchResult expected)
    {
        Assert.Equal(expected, MatchString(line, value));
    }

    [Theory]
    [InlineData("path_beg /api", "/api/v1", AclMatchResult.Pass)]
    [InlineData("path_beg /api", "/ap", AclMatchResult.Fail)]
    [InlineData("path_beg /api", "/API/v1", AclMatchResult.Fail)]
    [InlineData("path_beg -i /api", "/API/v1", AclMatchResult.Pass)]
    [InlineData("path_end .jpg .png", "/a/b.png", AclMatchResult.Pass)]
    [InlineData("path_end .jpg", "jpg", AclMatchResult.Fail)]
    [InlineData("path_end -i .JPG", "/x.jpg", AclMatchResult.Pass)]
    [InlineData("url_sub admin", "/x/administrator", AclMatchResult.Pass)]
    [InlineData("url_sub admin", "/x/admi", AclMatchResult.Fail)]
    [InlineData("url_sub -i ADMIN", "/x/Admin", AclMatchResult.Pass)]
    [InlineData("url_len 5", "/abcd", AclMatchResult.Pass)]
    [InlineData("url_len 5", "/abc", AclMatchResult.Fail)]
    [InlineData("url_len gt 4", "/abcd", AclMatchResult.Pass)]
    [InlineData("url_reg ^/api/[0-9]+$", "/api/42", AclMatchResult.Pass)]
    [InlineData("url_reg ^/api/[0-9]+$", "/api/42/x", AclMatchResult.Fail)]
    [InlineData("url_reg api", "/v1/api/x", AclMatchResult.Pass)]
    public void MatchAny_StringMatchers_BehaveAs14(string line, string value, AclMatchResult expected)
    {
        Assert.Equal(expected, MatchString(line, value));
    }

    [Theory]
    [InlineData("path_dir img", "/img/a.png", AclMatchResult.Pass)]
    [InlineData("path_dir img", "/a/img", AclMatchResult.Pass)]
    [InlineData("path_dir img", "/images/a", AclMatchResult.Fail)]
    [InlineData("path_dir img", "/a/bimg/c", AclMatchResult.Fail)]
    [InlineData("path_dir /img/", "/x/img/y", AclMatchResult.Pass)]
    [InlineData("path_dir a/b", "/x/a/b/c", AclMatchResult.Pass)]
    [InlineData("url_dir img", "/img?x=1", AclMatchResult.Pass)]
    [InlineData("path_dir /", "/a/b", AclMatchResult.Fail)]
    [InlineData("path_dir -i IMG", "/img/a", AclMatchResult.Pass)]
    [InlineData("hdr_dom(host) example.com", "www.example.com", AclMatchResult.Pass)]
    [InlineData("hdr_dom(host) example.com", "example.com", AclMatchResult.Pass)]
    [InlineData("hdr_dom(host) example.com", "myexample.com", AclMatchResult.Fail)]
    [InlineData("hdr_dom(host) example", "www.example.com", AclMatchResult.Pass)]
    [InlineData("hdr_dom(host) .example.", "www.example.com", AclMatchResult.Pass)]
    [InlineData("hdr_dom(host) example.com", "www.example.com.au", AclMatchResult.Pass)]
    [InlineData("hdr_dom(host) example.com", "www.example.community", AclMatchResult.Fail)]
    [InlineData("hdr_dom(host) example.com", "www.example.com:8080", AclMatchResult.Pass)]
    [InlineData("hdr_dom(host) 8080", "www.example.com:8080", AclMatchResult.Pass)]
    [InlineData("hdr_dom(host) :example:", "example", AclMatchResult.Pass)]
    [InlineData("path_dir a.b", "/x/a.b/y", AclMatchResult.Pass)]
    [InlineData("path_dir b", "/x/a.b/y", AclMatchResult.Fail)]
    [InlineData("path_dir b", "/x/a:b/y", AclMatchResult.Fail)]
    [InlineData("path_dir .b", "/x/.b/y", AclMatchResult.Pass)]
    public void MatchAny_WordMatchers_NeedDelimitersOnBothSides(string line, string value, AclMatchResult expected)
    {
        Assert.Equal(expected, MatchString(line, value));
    }

    [Fact]
    public void MatchAny_NoPatterns_Fails()
    {
        Assert.Equal(AclMatchResult.Fail, MatchString("hdr(host)", "x"));
    }

    [Fact]
    public void MatchAny_EmptySubstringPattern_NeverMatches()
    {
        // 1.4 compares the pattern's first byte (its NUL terminator) before anything else.
        Assert.Equal(AclMatchResult.Fail, AclMatcher.MatchAny(AclDefinitionWithEmptyPattern(), "abc"u8));
    }

    private AclDefinition AclDefinitionWithEmptyPattern()
    {
        Assert.True(AclParser.TryParse("a", ["url_sub", "\0"], _env.Context, out var acl));
        return acl;
    }

    [Theory]
    [InlineData("src 10.0.0.0/8", "10.200.3.4", AclMatchResult.Pass)]
    [InlineData("src 10.0.0.0/8", "11.0.0.1", AclMatchResult.Fail)]
    [InlineData("src 10.1.2.3/8", "10.9.9.9", AclMatchResult.Pass)]
    [InlineData("src 10.0.0.1", "10.0.0.1", AclMatchResult.Pass)]
    [InlineData("src 10.0.0.1", "10.0.0.2", AclMatchResult.Fail)]
    [InlineData("src 10.0.0.0/255.0.255.0", "10.7.0.9", AclMatchResult.Pass)]
    [InlineData("src 10.0.0.0/255.0.255.0", "10.7.1.9", AclMatchResult.Fail)]
    [InlineData("src 0.0.0.0/0", "203.0.113.9", AclMatchResult.Pass)]
    public void MatchAnyIpv4_Network_MasksBothSides(string line, string address, AclMatchResult expected)
    {
        var bytes = IPAddress.Parse(address).GetAddressBytes();
        var value = ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
        Assert.Equal(expected, AclMatcher.MatchAnyIpv4(_env.Parse(line), value));
    }

    [Fact]
    public void Contains_Ipv6Address_NeverMatches()
    {
        var network = _env.Parse("src 0.0.0.0/0").Patterns[0].Network;
        Assert.True(network.Contains(IPAddress.Parse("192.0.2.1")));
        Assert.False(network.Contains(IPAddress.IPv6Loopback));
        Assert.False(network.Contains(IPAddress.Parse("::ffff:192.0.2.1")));
    }

    [Theory]
    [InlineData("dst_port 80 443", 443, AclMatchResult.Pass)]
    [InlineData("dst_port 80 443", 444, AclMatchResult.Fail)]
    [InlineData("dst_port 1024:65535", 1023, AclMatchResult.Fail)]
    [InlineData("dst_port 1024:65535", 1024, AclMatchResult.Pass)]
    [InlineData("connslots lt 1", -1, AclMatchResult.Pass)]
    public void MatchAny_Integer_AnyRangeMatches(string line, long value, AclMatchResult expected)
    {
        Assert.Equal(expected, AclMatcher.MatchAny(_env.Parse(line), value));
    }

    [Theory]
    [InlineData("method GET", AclHttpMethod.Get, "GET", AclMatchResult.Pass)]
    [InlineData("method GET HEAD", AclHttpMethod.Head, "HEAD", AclMatchResult.Pass)]
    [InlineData("method GET", AclHttpMethod.Post, "POST", AclMatchResult.Fail)]
    [InlineData("method -i get", AclHttpMethod.Get, "GET", AclMatchResult.Fail)]
    [InlineData("method get", AclHttpMethod.None, "get", AclMatchResult.Pass)]
    [InlineData("method get", AclHttpMethod.None, "post", AclMatchResult.Pass)]
    [InlineData("method PROPFIND", AclHttpMethod.Other, "PROPFIND", AclMatchResult.Pass)]
    [InlineData("method PROPFIND", AclHttpMethod.Other, "PROPFINDX", AclMatchResult.Fail)]
    [InlineData("method PROPFIND", AclHttpMethod.Other, "Propfind", AclMatchResult.Fail)]
    [InlineData("method -i PROPFIND", AclHttpMethod.Other, "PropFind", AclMatchResult.Pass)]
    public void MatchAnyMethod_StandardByIdentityOthersByText(
        string line, AclHttpMethod method, string text, AclMatchResult expected)
    {
        Assert.Equal(expected, AclMatcher.MatchAnyMethod(_env.Parse(line), method, Encoding.Latin1.GetBytes(text)));
    }

    [Fact]
    public void MatchRegex_ValueWithNul_IsCutAtNul()
    {
        var acl = _env.Parse("hdr_reg(x) b$");
        Assert.Equal(AclMatchResult.Pass, AclMatcher.MatchAny(acl, "ab\0cd"u8));
        Assert.Equal(AclMatchResult.Fail, AclMatcher.MatchAny(acl, "a\0b"u8));
    }

    [Fact]
    public void MatchRegex_LongValue_UsesPooledBuffer()
    {
        var acl = _env.Parse("url_reg z$");
        var value = Encoding.Latin1.GetBytes(new string('a', 5000) + "z");
        Assert.Equal(AclMatchResult.Pass, AclMatcher.MatchAny(acl, value));
    }

    [Fact]
    public void MatchString_Latin1Bytes_IgnoreCaseIsAsciiOnly()
    {
        var acl = _env.Parse("hdr(x) -i \u00e9t\u00e9");
        Assert.Equal(AclMatchResult.Pass, AclMatcher.MatchAny(acl, Encoding.Latin1.GetBytes("\u00e9T\u00e9")));
        Assert.Equal(AclMatchResult.Fail, AclMatcher.MatchAny(acl, Encoding.Latin1.GetBytes("\u00c9T\u00c9")));
    }
}
