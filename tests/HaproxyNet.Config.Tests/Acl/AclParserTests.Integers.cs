using HaproxyNet.Config.Acl;

namespace HaproxyNet.Config.Tests.Acl;

public partial class AclParserTests
{
    private AclIntRange Range(string line, int index = 0) => _env.Parse(line).Patterns[index].Range;

    [Theory]
    [InlineData("dst_port 80", 79, false)]
    [InlineData("dst_port 80", 80, true)]
    [InlineData("dst_port 80", 81, false)]
    [InlineData("dst_port eq 80", 80, true)]
    [InlineData("dst_port 80:90", 79, false)]
    [InlineData("dst_port 80:90", 80, true)]
    [InlineData("dst_port 80:90", 90, true)]
    [InlineData("dst_port 80:90", 91, false)]
    [InlineData("dst_port 80-90", 85, true)]
    [InlineData("dst_port 80-90", 91, false)]
    [InlineData("dst_port gt 5", 5, false)]
    [InlineData("dst_port gt 5", 6, true)]
    [InlineData("dst_port ge 5", 4, false)]
    [InlineData("dst_port ge 5", 5, true)]
    [InlineData("dst_port lt 5", 4, true)]
    [InlineData("dst_port lt 5", 5, false)]
    [InlineData("dst_port le 5", 5, true)]
    [InlineData("dst_port le 5", 6, false)]
    [InlineData("dst_port le 5", -3, true)]
    [InlineData("dst_port 10abc", 10, true)]
    [InlineData("dst_port 1:2:3", 2, true)]
    [InlineData("dst_port 1:2:3", 3, false)]
    public void TryParse_IntegerValue_MatchesAsAclParseInt(string line, long value, bool expected)
    {
        Assert.Equal(expected, Range(line).Contains(value));
    }

    [Theory]
    [InlineData(80)]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(-1)]
    public void TryParse_OpenRangeNColon_NeverMatches(long value)
    {
        // 1.4.25 quirk (acl.tsv): "N:" parses as N..0.
        var range = Range("dst_port 80:");
        Assert.Equal(new AclIntRange(80, 0, true, true), range);
        Assert.False(range.Contains(value));
    }

    [Fact]
    public void TryParse_ZeroColon_MatchesOnlyZero()
    {
        var range = Range("dst_port 0:");
        Assert.True(range.Contains(0));
        Assert.False(range.Contains(1));
    }

    [Theory]
    [InlineData("dst_port :80")]
    [InlineData("dst_port -5")]
    [InlineData("dst_port abc")]
    [InlineData("dst_port gt")]
    [InlineData("dst_port 80 gt")]
    [InlineData("dst_port gt 5:10")]
    [InlineData("dst_port lt 5-10")]
    [InlineData("dst_port GT 5")]
    [InlineData("status 200 x")]
    public void TryParse_BadIntegerValue_Fails(string line)
    {
        Assert.False(_env.TryParse(line));
    }

    [Fact]
    public void TryParse_OperatorWithRangeEq_IsAccepted()
    {
        Assert.Equal(new AclIntRange(5, 10, true, true), Range("dst_port eq 5:10"));
    }

    [Fact]
    public void TryParse_Operator_AppliesToFollowingValuesUntilChanged()
    {
        var acl = _env.Parse("hdr_cnt gt 5 10 lt 3 7");
        Assert.Equal(
            [
                new AclIntRange(6, 5, true, false),
                new AclIntRange(11, 10, true, false),
                new AclIntRange(3, 2, false, true),
                new AclIntRange(7, 6, false, true),
            ],
            acl.Patterns.Select(p => p.Range));
    }

    [Fact]
    public void TryParse_StackedOperators_LastOneWins()
    {
        var range = Range("dst_port gt eq 5");
        Assert.True(range.Contains(5));
        Assert.False(range.Contains(6));
    }

    [Theory]
    [InlineData("req_ssl_ver 3.1", 3, 1, true)]
    [InlineData("req_ssl_ver 3.1", 3, 0, false)]
    [InlineData("req_ssl_ver 3", 3, 0, true)]
    [InlineData("req_ssl_ver 3", 3, 1, false)]
    [InlineData("req_ssl_ver 3.0-3.1", 3, 1, true)]
    [InlineData("req_ssl_ver 3.0-3.1", 3, 2, false)]
    [InlineData("req_ssl_ver 3-3.1", 3, 0, true)]
    [InlineData("req_ssl_ver lt 3", 2, 65535, true)]
    [InlineData("req_ssl_ver lt 3", 3, 0, false)]
    [InlineData("req_ssl_ver gt 3.0", 3, 1, true)]
    [InlineData("req_ssl_ver gt 3.0", 3, 0, false)]
    public void TryParse_DottedVersion_ComparesMajorShift16PlusMinor(string line, int major, int minor, bool expected)
    {
        Assert.Equal(expected, Range(line).Contains((major << 16) + minor));
    }

    [Fact]
    public void TryParse_DottedVersionZeroMajor_LosesTheMajorAs14()
    {
        // "0.5": the minor is accumulated alone then shifted like a major: 5.0.
        Assert.True(Range("req_ssl_ver 0.5").Contains(5 << 16));
    }

    [Theory]
    [InlineData("req_ssl_ver 1.2.3")]
    [InlineData("req_ssl_ver 70000.1")]
    [InlineData("req_ssl_ver .1")]
    [InlineData("req_ssl_ver gt 3.0-3.1")]
    public void TryParse_BadDottedVersion_Fails(string line)
    {
        Assert.False(_env.TryParse(line));
    }
}
