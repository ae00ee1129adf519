using System.Text;
using HaproxyNet.Host.Output;

namespace HaproxyNet.Host.Tests.Output;

public class StdStreamsTests
{
    [Fact]
    public void WriteStdoutStdio_NotATerminal_HeldThenFlushedOnce()
    {
        using var stdout = new MemoryStream();
        var streams = new StdStreams(stdout, Stream.Null, stdoutIsTerminal: false);

        streams.WriteStdoutStdio("a\n");
        streams.WriteStdoutStdio("b\n");
        Assert.Equal(0, stdout.Length);
        streams.FlushStdio();
        streams.FlushStdio();

        Assert.Equal("a\nb\n", Encoding.Latin1.GetString(stdout.ToArray()));
    }

    [Fact]
    public void WriteStdoutStdio_Terminal_WrittenAtOnce()
    {
        using var stdout = new MemoryStream();
        var streams = new StdStreams(stdout, Stream.Null, stdoutIsTerminal: true);

        streams.WriteStdoutStdio("a\n");
        Assert.Equal("a\n", Encoding.Latin1.GetString(stdout.ToArray()));
        streams.FlushStdio();

        Assert.Equal("a\n", Encoding.Latin1.GetString(stdout.ToArray()));
    }

    [Fact]
    public void WriteStdout_NotATerminal_StillImmediate()
    {
        // The -c verdict and the banner exit right after, so they are written as before.
        using var stdout = new MemoryStream();
        var streams = new StdStreams(stdout, Stream.Null, stdoutIsTerminal: false);

        streams.WriteStdout("Configuration file is valid\n");

        Assert.Equal("Configuration file is valid\n", Encoding.Latin1.GetString(stdout.ToArray()));
    }
}
