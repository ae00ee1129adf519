using HaproxyNet.Config.Acl;

namespace HaproxyNet.Config.Tests.Acl;

public partial class AclParserTests
{
    [Fact]
    public void TryParse_PatternFile_ReadsOneValuePerLineAs14()
    {
        _env.WithFile("/etc/p.lst", "#comment\n  /a\r\n\n\t/b c  \n   \n  #kept\n/last");
        var acl = _env.Parse("path_beg -f /etc/p.lst");
        Assert.Equal(["/a", "/b c  ", "#kept", "/last"], acl.Patterns.Select(p => p.Text));
        Assert.All(acl.Patterns, p => Assert.True(p.FromFile));
        Assert.Equal(["/etc/p.lst"], acl.PatternFiles);
    }

    [Fact]
    public void TryParse_PatternFileLineWithNul_IsCutAtNul()
    {
        _env.WithFile("f", "ab\0cd\nx\n");
        Assert.Equal(["ab", "x"], _env.Parse("url -f f").Patterns.Select(p => p.Text));
    }

    [Fact]
    public void TryParse_PatternFileLongLine_IsSplitLikeFgets()
    {
        var longLine = new string('a', 16383) + "bcd\n";
        _env.WithFile("f", longLine);
        var patterns = _env.Parse("url -f f").Patterns;
        Assert.Equal(2, patterns.Count);
        Assert.Equal(16383, patterns[0].Text!.Length);
        Assert.Equal("bcd", patterns[1].Text);
    }

    [Fact]
    public void TryParse_PatternFilesAndWords_FilesFirstThenWords()
    {
        _env.WithFile("f1", "one\n").WithFile("f2", "two\n");
        var acl = _env.Parse("url -f f1 -f f2 three");
        Assert.Equal(["one", "two", "three"], acl.Patterns.Select(p => p.Text));
    }

    [Fact]
    public void TryParse_IgnoreCaseAfterFile_DoesNotApplyToFilePatterns()
    {
        _env.WithFile("f", "Abc\n");
        var acl = _env.Parse("url -f f -i Xyz");
        Assert.False(acl.Patterns[0].IgnoreCase);
        Assert.True(acl.Patterns[1].IgnoreCase);
    }

    [Fact]
    public void TryParse_IgnoreCaseBeforeFile_AppliesToFilePatterns()
    {
        _env.WithFile("f", "Abc\n");
        Assert.True(_env.Parse("url -i -f f").Patterns[0].IgnoreCase);
    }

    [Theory]
    [InlineData("url -f missing")]
    [InlineData("url -f")]
    public void TryParse_UnreadablePatternFile_Fails(string line)
    {
        Assert.False(_env.TryParse(line));
    }

    [Fact]
    public void TryParse_PatternFileWithBadValue_FailsWholeAcl()
    {
        _env.WithFile("ports", "80\n:443\n");
        Assert.False(_env.TryParse("dst_port -f ports"));
    }

    [Fact]
    public void TryParse_PatternFileOfNetworks_ParsesEachLine()
    {
        _env.WithFile("nets", "10.0.0.0/8\n192.168.1.1\n");
        var acl = _env.Parse("src -f nets");
        Assert.Equal(
            [new AclIpv4Network(0x0A000000u, 0xFF000000u), new AclIpv4Network(0xC0A80101u, 0xFFFFFFFFu)],
            acl.Patterns.Select(p => p.Network));
    }

    [Fact]
    public void TryParse_EmptyPatternFile_GivesNoValues()
    {
        _env.WithFile("empty", "# nothing\n\n");
        Assert.Empty(_env.Parse("src -f empty").Patterns);
    }
}
