using HaproxyNet.Config.Model;
using HaproxyNet.Config.Parsing.Lexical;
using HaproxyNet.Config.Parsing.Values;

namespace HaproxyNet.Config.Parsing.Sections;

/// <summary>The <c>log &lt;address&gt; &lt;facility&gt; [max [min]]</c> target shared by global and proxies.</summary>
internal static class LogLineParser
{
    /// <summary>1.4's <c>sizeof(sun_path)</c>.</summary>
    private const int UnixPathMax = 108;

    /// <summary>Resolves the address part; null after an alert.</summary>
    public static string? ParseAddress(ParseState s, string text, out ErrorCode err)
    {
        err = ErrorCode.None;
        if (text.StartsWith('/'))
        {
            if (text.Length >= UnixPathMax)
            {
                err = s.Alert($"{s.At}Socket path '{text}' too long (max {UnixPathMax - 1})\n");
                return null;
            }

            return text;
        }

        var sa = AddressGrammar.ParseServerAddress(text, s.Environment);
        if (sa is null)
        {
            err = s.Alert($"{s.At}Unknown host in '{text}'\n");
            return null;
        }

        var port = sa.Port == 0 ? 514 : unchecked((ushort)sa.Port);
        return $"{sa.Address}:{port}";
    }

    /// <summary>Builds the target once facility and levels are known.</summary>
    public static LogTarget Target(ParseState s, string address, int facility, int max, int min) =>
        new(address, facility, max, min, s.Span);

    public static bool HasArgs(LexedLine a) => a[1].Length > 0 && a[2].Length > 0;
}
