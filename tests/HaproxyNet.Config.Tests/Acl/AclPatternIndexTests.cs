using System.Net;
using System.Text;
using HaproxyNet.Config.Acl;

namespace HaproxyNet.Config.Tests.Acl;

public class AclPatternIndexTests
{
    private readonly AclTestEnvironment _env = new();

    private static bool Linear(AclDefinition acl, ReadOnlySpan<byte> value)
    {
        foreach (var p in acl.Patterns)
        {
            if (AclMatcher.Match(acl.Criterion.Match, p, value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool LinearIp(AclDefinition acl, uint address)
    {
        foreach (var p in acl.Patterns)
        {
            if (p.Network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    [Fact]
    public void MatchAny_ManyExactStrings_SameAsLinearScan()
    {
        _env.WithFile("hosts", string.Join('\n', Enumerable.Range(0, 50).Select(i => "Host" + i + ".example")) + "\n");
        var acl = _env.Parse("hdr(host) -f hosts -i MiXeD.example other");
        Assert.NotNull(acl.Index);
        string[] values =
        [
            "Host7.example", "host7.example", "Host49.example", "Host50.example", "mixed.EXAMPLE", "MIXED.example",
            "other", "OTHER", "", "Host7.example ", "mixed.example.",
        ];
        foreach (var v in values)
        {
            var bytes = Encoding.Latin1.GetBytes(v);
            Assert.Equal(Linear(acl, bytes), AclMatcher.MatchAny(acl, bytes) == AclMatchResult.Pass);
        }

        Assert.Equal(AclMatchResult.Pass, AclMatcher.MatchAny(acl, "Host7.example"u8));
        Assert.Equal(AclMatchResult.Fail, AclMatcher.MatchAny(acl, "host7.example"u8));
        Assert.Equal(AclMatchResult.Pass, AclMatcher.MatchAny(acl, "mIxEd.ExAmPlE"u8));
        Assert.Equal(AclMatchResult.Pass, AclMatcher.MatchAny(acl, "Other"u8));
        Assert.Equal(AclMatchResult.Fail, AclMatcher.MatchAny(acl, "Othe"u8));
    }

    [Fact]
    public void MatchAnyIpv4_ManyNetworks_SameAsLinearScan()
    {
        var lines = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            lines.Add($"10.{i}.0.0/16");
        }

        lines.Add("192.168.1.1");
        lines.Add("172.16.0.0/255.0.255.0");
        lines.Add("0.0.0.0/0");
        _env.WithFile("nets", string.Join('\n', lines) + "\n");
        var withDefault = _env.Parse("src -f nets");
        lines.RemoveAt(lines.Count - 1);
        _env.WithFile("nets2", string.Join('\n', lines) + "\n");
        var acl = _env.Parse("src -f nets2");
        Assert.NotNull(acl.Index);

        string[] addresses = ["10.3.200.1", "10.40.0.1", "192.168.1.1", "192.168.1.2", "172.99.0.5", "172.99.1.5", "8.8.8.8"];
        foreach (var a in addresses)
        {
            var b = IPAddress.Parse(a).GetAddressBytes();
            var v = ((uint)b[0] << 24) | ((uint)b[1] << 16) | ((uint)b[2] << 8) | b[3];
            Assert.Equal(LinearIp(acl, v), AclMatcher.MatchAnyIpv4(acl, v) == AclMatchResult.Pass);
            Assert.Equal(AclMatchResult.Pass, AclMatcher.MatchAnyIpv4(withDefault, v));
        }

        Assert.Equal(AclMatchResult.Pass, AclMatcher.MatchAnyIpv4(acl, 0xAC630005)); // non-contiguous mask, kept in list
        Assert.Equal(AclMatchResult.Fail, AclMatcher.MatchAnyIpv4(acl, 0x08080808));
    }

    [Fact]
    public void Index_FewPatterns_IsNotBuilt()
    {
        Assert.Null(_env.Parse("hdr(host) a b c").Index);
        Assert.Null(_env.Parse("path_beg a b c d e f g h i j").Index);
    }

    [Fact]
    public void MatchAny_IndexedExactString_AllocatesNothing()
    {
        var acl = _env.Parse("hdr(host) a1 a2 a3 a4 a5 a6 a7 a8 a9");
        var value = "a7"u8.ToArray();
        AclMatcher.MatchAny(acl, value);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            AclMatcher.MatchAny(acl, value);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData("hdr(x) -f one", true)]
    [InlineData("hdr(x) -i -f one", false)]
    [InlineData("hdr(x) ab", false)]
    [InlineData("req_ver -f one", false)]
    [InlineData("hdr(x) -f many", true)]
    [InlineData("hdr(x) -i -f many", false)]
    public void MatchAny_ValueWithNul_TreePatternsCompareCStrings(string line, bool expected)
    {
        // acl_lookup_str (tree of -f values without -i) sees the value as a C string; acl_match_str uses lengths.
        _env.WithFile("one", "ab\n");
        _env.WithFile("many", "ab\n" + string.Join('\n', Enumerable.Range(0, 20).Select(i => "v" + i)) + "\n");
        var acl = _env.Parse(line);
        Assert.Equal(expected, AclMatcher.MatchAny(acl, "ab\0cd"u8) == AclMatchResult.Pass);
        Assert.Equal(AclMatchResult.Pass, AclMatcher.MatchAny(acl, "ab"u8));
    }
}
