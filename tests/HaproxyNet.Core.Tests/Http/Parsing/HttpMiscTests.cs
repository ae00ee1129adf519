using System.Text;
using HaproxyNet.Core.Http.Parsing;

namespace HaproxyNet.Core.Tests.Http.Parsing;

public sealed class HttpMiscTests
{
    [Theory]
    [InlineData("GET", HttpMeth.Get)]
    [InlineData("HEAD", HttpMeth.Head)]
    [InlineData("POST", HttpMeth.Post)]
    [InlineData("PUT", HttpMeth.Put)]
    [InlineData("DELETE", HttpMeth.Delete)]
    [InlineData("TRACE", HttpMeth.Trace)]
    [InlineData("OPTIONS", HttpMeth.Options)]
    [InlineData("CONNECT", HttpMeth.Connect)]
    [InlineData("get", HttpMeth.Other)]
    [InlineData("GETS", HttpMeth.Other)]
    [InlineData("PATCH", HttpMeth.Other)]
    public void FindHttpMeth_Name_Classified(string name, HttpMeth expected)
        => Assert.Equal(expected, HttpMethods.Find(Encoding.ASCII.GetBytes(name)));

    [Theory]
    [InlineData("HTTP/1.1", true)]
    [InlineData("HTTP/1.0", false)]
    [InlineData("HTTP/2.0", true)]
    [InlineData("HTTP/0.9", false)]
    [InlineData("HTTP/1.10", false)]
    [InlineData("HTTP/11", false)]
    public void IsHttp11_Version_As14Decides(string version, bool expected)
        => Assert.Equal(expected, HttpVersion.IsHttp11(Encoding.ASCII.GetBytes(version)));

    [Theory]
    [InlineData("GET\r\n", "GET / HTTP/1.0\r\n\r\n", "/")]
    [InlineData("GET /x\r\n", "GET /x HTTP/1.0\r\n\r\n", "/x")]
    [InlineData("GET /x\nrest", "GET /x HTTP/1.0\r\n\nrest", "/x")]
    public void Upgrade09_Request_RewrittenInPlace(string input, string expected, string uri)
    {
        var buffer = new byte[64];
        var len = Encoding.ASCII.GetBytes(input, buffer);
        var msg = new HttpMsg();
        msg.ResetRequest(0, false);
        var idx = new HdrIdx();
        Assert.Equal(HttpMsgState.Body, HttpMsgAnalyzer.Analyze(buffer.AsSpan(0, len), msg, idx));
        var eohByte = buffer[msg.Eoh];

        Assert.True(HttpUpgrade09.Upgrade(buffer, ref len, msg, idx));

        Assert.Equal(expected, Encoding.ASCII.GetString(buffer, 0, len));
        Assert.Equal(uri, Encoding.ASCII.GetString(buffer, msg.Rq.Uri, msg.Rq.UriLength));
        Assert.Equal("HTTP/1.0", Encoding.ASCII.GetString(buffer, msg.Rq.Version, msg.Rq.VersionLength));
        Assert.Equal(eohByte, buffer[msg.Eoh]);
        Assert.Equal(msg.Rq.Length + 2, idx.FirstPos);
        Assert.Equal(msg.Eoh, msg.Som + idx.FirstPos);
        Assert.True(HttpVersion.RequestIsHttp11(buffer, msg) is false);
    }

    [Fact]
    public void Upgrade09_NoRoom_Refused()
    {
        var buffer = "GET\r\n"u8.ToArray();
        var len = buffer.Length;
        var msg = new HttpMsg();
        msg.ResetRequest(0, false);
        HttpMsgAnalyzer.Analyze(buffer, msg, new HdrIdx());

        Assert.Equal(13, HttpUpgrade09.Growth(msg));
        Assert.False(HttpUpgrade09.Upgrade(buffer, ref len, msg, new HdrIdx()));
        Assert.Equal(5, len);
    }

    [Fact]
    public void Analyze_LeadingLinesWhileOutputPending_WaitsAtFirstToken()
    {
        var data = "\r\n\nGET / HTTP/1.0\r\n\r\n"u8.ToArray();
        var msg = new HttpMsg();
        msg.ResetRequest(0, false);
        var idx = new HdrIdx();

        Assert.Equal(HttpMsgState.RqBefore, HttpMsgAnalyzer.Analyze(data, msg, idx, canSkipLeadingLines: false));
        Assert.Equal(3, msg.Next);
        Assert.Equal(HttpMsgState.Body, HttpMsgAnalyzer.Analyze(data, msg, idx, canSkipLeadingLines: true));
        Assert.Equal(3, msg.LeadingBytes);

        msg.Rebase(-3);
        Assert.Equal(0, msg.Som);
        Assert.Equal(16, msg.Eoh);
        Assert.Equal(4, msg.Rq.Uri);
    }

    [Fact]
    public void Analyze_MessageStartsAfterPendingOutput_OffsetsFromStart()
    {
        var data = "previousGET /a HTTP/1.1\r\nHost: h\r\n\r\n"u8.ToArray();
        var msg = new HttpMsg();
        msg.ResetRequest(8, false);
        var idx = new HdrIdx();

        Assert.Equal(HttpMsgState.Body, HttpMsgAnalyzer.Analyze(data, msg, idx, canSkipLeadingLines: false));
        Assert.Equal(8, msg.Som);
        Assert.Equal(12, msg.Rq.Uri);
        var ctx = default(HttpHeaderContext);
        Assert.True(HttpHeaders.FindHeader2("host"u8, data, msg.Som, idx, ref ctx));
        Assert.Equal((byte)'h', data[ctx.ValueStart]);
    }

    [Fact]
    public void Snapshot_AcceptedInvalidHeader_PositionRelativeToMessage()
    {
        var data = "\r\nGET / HTTP/1.0\r\nA b: c\r\n\r\n"u8.ToArray();
        var msg = new HttpMsg();
        msg.ResetRequest(0, acceptInvalid: true);

        Assert.Equal(HttpMsgState.Body, HttpMsgAnalyzer.Analyze(data, msg, new HdrIdx()));
        var s = HttpErrorSnapshot.Capture(msg, data.Length);

        Assert.Equal(2, s.Som);
        Assert.Equal(17, s.Position);
        Assert.Equal(data.Length - 2, s.Length);
        Assert.Equal(HttpMsgState.HdrName, s.ErrorState);
    }
}
