using System.Text;
using HaproxyNet.Core.Http.Parsing;

namespace HaproxyNet.Core.Tests.Http.Parsing;

public sealed class HttpChunkTests
{
    private static (HttpParseResult Result, HttpMsg Msg) Size(string text)
    {
        var msg = new HttpMsg();
        msg.ResetRequest(0, false);
        msg.State = HttpMsgState.ChunkSize;
        return (HttpChunk.ParseChunkSize(Encoding.Latin1.GetBytes(text), msg), msg);
    }

    [Theory]
    [InlineData("1a\r\n", 26, 4)]
    [InlineData("A\n", 10, 2)]
    [InlineData("ff \t;name=value;x\r\n", 255, 19)]
    [InlineData("7fffffff\r\n", 0x7fffffff, 10)]
    public void ParseChunkSize_Valid_SizeAndDataStart(string line, long size, int next)
    {
        var (r, msg) = Size(line + "data");

        Assert.Equal(HttpParseResult.Ok, r);
        Assert.Equal(size, msg.ChunkLength);
        Assert.Equal(next, msg.Next);
        Assert.Equal(next, msg.Sov);
        Assert.Equal(HttpMsgState.Data, msg.State);
    }

    [Fact]
    public void ParseChunkSize_Zero_Trailers()
    {
        var (r, msg) = Size("0\r\n");

        Assert.Equal(HttpParseResult.Ok, r);
        Assert.Equal(HttpMsgState.Trailers, msg.State);
    }

    [Theory]
    [InlineData("\r\n", 0)]
    [InlineData("g\r\n", 0)]
    [InlineData("1 x\r\n", 2)]
    [InlineData("1\rx", 2)]
    [InlineData("80000000\r\n", 8)]
    public void ParseChunkSize_Invalid_ErrorAtPosition(string line, int errPos)
    {
        var (r, msg) = Size(line);

        Assert.Equal(HttpParseResult.Error, r);
        Assert.Equal(errPos, msg.ErrPos);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1a")]
    [InlineData("1a ")]
    [InlineData("1a;ext")]
    [InlineData("1a\r")]
    public void ParseChunkSize_Partial_NeedMoreAndUnchanged(string line)
    {
        var (r, msg) = Size(line);

        Assert.Equal(HttpParseResult.NeedMore, r);
        Assert.Equal(0, msg.Next);
        Assert.Equal(HttpMsgState.ChunkSize, msg.State);
    }

    [Theory]
    [InlineData("\r\n", HttpParseResult.Ok, 2)]
    [InlineData("\n", HttpParseResult.Ok, 1)]
    [InlineData("\r", HttpParseResult.NeedMore, 0)]
    [InlineData("", HttpParseResult.NeedMore, 0)]
    [InlineData("\rx", HttpParseResult.Error, 0)]
    [InlineData("x", HttpParseResult.Error, 0)]
    public void SkipChunkCrlf_Input_Result(string text, HttpParseResult expected, int next)
    {
        var msg = new HttpMsg();
        msg.ResetRequest(0, false);
        msg.State = HttpMsgState.DataCrlf;

        Assert.Equal(expected, HttpChunk.SkipChunkCrlf(Encoding.Latin1.GetBytes(text), msg));
        Assert.Equal(next, msg.Next);
        Assert.Equal(expected == HttpParseResult.Ok ? HttpMsgState.ChunkSize : HttpMsgState.DataCrlf, msg.State);
    }

    [Fact]
    public void ForwardTrailers_LinesThenEmptyLine_Done()
    {
        var msg = new HttpMsg();
        msg.ResetRequest(0, false);
        msg.State = HttpMsgState.Trailers;
        var data = "X-T: 1\r\nY: 2\n\r\nNEXT"u8.ToArray();

        Assert.Equal(HttpParseResult.NeedMore, HttpChunk.ForwardTrailers(data.AsSpan(0, 10), msg));
        Assert.Equal(8, msg.Next);
        Assert.Equal(8, msg.Sov);
        Assert.Equal(HttpParseResult.Ok, HttpChunk.ForwardTrailers(data, msg));
        Assert.Equal(15, msg.Next);
        Assert.Equal(HttpMsgState.Done, msg.State);
    }

    [Fact]
    public void ForwardTrailers_TwoCrOnALine_Error()
    {
        var msg = new HttpMsg();
        msg.ResetRequest(0, false);
        msg.State = HttpMsgState.Trailers;

        Assert.Equal(HttpParseResult.Error, HttpChunk.ForwardTrailers("X\rY\r\n"u8, msg));
        Assert.Equal(3, msg.ErrPos);
    }
}
