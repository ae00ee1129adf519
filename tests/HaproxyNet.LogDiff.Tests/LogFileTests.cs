namespace HaproxyNet.LogDiff.Tests;

public class LogFileTests
{
    [Fact]
    public void ParseLines_SkipsBlankAndCommentLines()
    {
        Assert.Equal(["a", " b"], LogFile.ParseLines("# header\na\n\n   \n b\n#c\n"));
    }

    [Fact]
    public void ParseLines_CrLfAndCr_SplitLikePython()
    {
        Assert.Equal(["a", "b", "c"], LogFile.ParseLines("a\r\nb\rc"));
    }

    [Fact]
    public void ParseLines_NoTrailingNewline_KeepsLastLine()
    {
        Assert.Equal(["x"], LogFile.ParseLines("x"));
        Assert.Empty(LogFile.ParseLines(""));
    }

    [Fact]
    public void WriteLines_ThenReadLines_RoundTrips()
    {
        var path = Path.Combine(Path.GetTempPath(), "logdiff-" + Guid.NewGuid().ToString("N") + ".log");
        try
        {
            LogFile.WriteLines(path, ["one", "two"]);

            Assert.Equal("one\ntwo\n", File.ReadAllText(path));
            Assert.Equal(["one", "two"], LogFile.ReadLines(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
