using System.Text;
using HaproxyNet.Core.Http.Parsing;

namespace HaproxyNet.Core.Tests.Http.Parsing;

/// <summary>Parses a message given as text for the helper tests.</summary>
internal static class HttpHelpersTestKit
{
    public static (byte[] Data, HttpMsg Msg, HdrIdx Idx) Parse(string text, bool request = true)
    {
        var data = Encoding.Latin1.GetBytes(text);
        var msg = new HttpMsg();
        var idx = new HdrIdx();
        if (request)
        {
            msg.ResetRequest(0, false);
        }
        else
        {
            msg.ResetResponse(0, false);
        }

        Assert.Equal(HttpMsgState.Body, HttpMsgAnalyzer.Analyze(data, msg, idx));
        return (data, msg, idx);
    }
}
