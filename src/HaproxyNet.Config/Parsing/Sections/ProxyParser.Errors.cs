using HaproxyNet.Config.Model;
using HaproxyNet.Config.Model.Rules;
using HaproxyNet.Config.Parsing.Builders;
using HaproxyNet.Config.Parsing.Lexical;
using HaproxyNet.Config.Parsing.Values;

namespace HaproxyNet.Config.Parsing.Sections;

internal static partial class ProxyParser
{
    private static ErrorCode ParseErrorLoc(ParseState s, LexedLine a, ProxyBuilder p)
    {
        if (a[2].Length == 0)
        {
            return s.Alert($"{s.At}<{a[0]}> expects <status_code> and <url> as arguments.\n");
        }

        var code = IntegerGrammar.ParseInt(a[1]);
        if (!HttpErrorCodes.Contains(code))
        {
            return s.Warn($"{s.At}status code {code} not handled, error relocation will be ignored.\n");
        }

        p.ErrorLocations[code] = a[2];
        p.ErrorLocationStatus[code] = a[0] == "errorloc303" ? 303 : 302;
        p.ErrorFiles.Remove(code); // one message per code: the last line wins
        return ErrorCode.None;
    }

    private static ErrorCode ParseErrorFile(ParseState s, LexedLine a, ProxyBuilder p)
    {
        if (a[2].Length == 0)
        {
            return s.Alert($"{s.At}<{a[0]}> expects <status_code> and <file> as arguments.\n");
        }

        if (!s.Environment.TryReadFile(a[2], out var content, out _))
        {
            return s.Alert($"{s.At}error opening file <{a[2]}> for custom error message <{a[1]}>.\n");
        }

        var err = ErrorCode.None;
        if (content.Length > s.Global.TuneBufSize)
        {
            err |= s.Warn($"{s.At}custom error message file <{a[2]}> larger than {s.Global.TuneBufSize} bytes. Truncating.\n");
            content = content[..s.Global.TuneBufSize];
        }

        var code = IntegerGrammar.ParseInt(a[1]);
        if (!HttpErrorCodes.Contains(code))
        {
            return err | s.Warn($"{s.At}status code {code} not handled, error customization will be ignored.\n");
        }

        p.ErrorFiles[code] = content;
        p.ErrorLocations.Remove(code);
        p.ErrorLocationStatus.Remove(code);
        return err;
    }

    /// <summary>Codes 1.4 can customise (<c>http_err_codes</c>).</summary>
    private static readonly HashSet<int> HttpErrorCodes = [200, 400, 403, 408, 500, 502, 503, 504];
}
