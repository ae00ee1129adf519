namespace HaproxyNet.LogDiff.Parsing;

/// <summary>The lower-case names of <see cref="LogLineKind"/> used in shapes and reports.</summary>
public static class LogLineKindNames
{
    public static string Of(LogLineKind kind) => kind switch
    {
        LogLineKind.TcpLog => "tcplog",
        LogLineKind.HttpLog => "httplog",
        LogLineKind.Event => "event",
        _ => "unparsed",
    };
}
