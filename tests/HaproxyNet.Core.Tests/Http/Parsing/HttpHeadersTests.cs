using System.Text;
using HaproxyNet.Core.Http.Parsing;

namespace HaproxyNet.Core.Tests.Http.Parsing;

public sealed class HttpHeadersTests
{
    private static List<string> All(string message, string name)
    {
        var (data, msg, idx) = HttpHelpersTestKit.Parse(message);
        var ctx = default(HttpHeaderContext);
        var values = new List<string>();
        while (HttpHeaders.FindHeader2(Encoding.ASCII.GetBytes(name), data, msg.Som, idx, ref ctx))
        {
            values.Add(Encoding.Latin1.GetString(data, ctx.ValueStart, ctx.VLen));
        }

        return values;
    }

    [Fact]
    public void FindHeader2_CommaSeparatedValuesOverSeveralLines_EachValueInOrder()
    {
        var values = All("GET / HTTP/1.1\r\nConnection: keep-alive , Upgrade\r\nHost: a\r\nconnection:close\r\n\r\n", "Connection");

        Assert.Equal(["keep-alive", "Upgrade", "close"], values);
    }

    [Fact]
    public void FindHeader2_CommaInsideQuotes_NotASeparator()
    {
        var values = All("GET / HTTP/1.1\r\nX-A: \"a,b\\\",c\", d\r\n\r\n", "X-A");

        Assert.Equal(["\"a,b\\\",c\"", "d"], values);
    }

    [Fact]
    public void FindHeader2_NameIsPrefixOrSpaceBeforeColon_NoMatch()
    {
        Assert.Empty(All("GET / HTTP/1.1\r\nHost-X: a\r\nHos: b\r\n\r\n", "Host"));
    }

    [Fact]
    public void FindHeader2_EmptyValue_MatchesWithZeroLength()
    {
        Assert.Equal([""], All("GET / HTTP/1.1\r\nX-A:   \r\n\r\n", "X-A"));
    }

    [Fact]
    public void FindHeader2_Found_ContextGivesLineAndPreviousEntryForRemoval()
    {
        var (data, msg, idx) = HttpHelpersTestKit.Parse("GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\n\r\n");
        var ctx = default(HttpHeaderContext);

        Assert.True(HttpHeaders.FindHeader2("b"u8, data, msg.Som, idx, ref ctx));
        Assert.Equal(22, ctx.Line);
        Assert.Equal(2, ctx.Idx);
        Assert.Equal(1, ctx.Prev);
        idx.Remove(ctx.Prev, ctx.Idx);
        ctx = default;
        Assert.False(HttpHeaders.FindHeader2("B"u8, data, msg.Som, idx, ref ctx));
        Assert.Equal(1, idx.Tail);
    }
}
