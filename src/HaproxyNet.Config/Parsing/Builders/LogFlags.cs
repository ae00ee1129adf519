namespace HaproxyNet.Config.Parsing.Builders;

/// <summary>What a log line carries (1.4's LW_* bits); httplog/tcplog and captures set them.</summary>
[Flags]
internal enum LogFlags
{
    None = 0,
    Date = 1,
    ClientIp = 2,
    ServerId = 8,
    Request = 16,
    Response = 32,
    ProxyId = 128,
    Bytes = 256,
    Cookie = 512,
    RequestHeaders = 1024,
    ResponseHeaders = 2048,
    HttpLog = Date | ClientIp | ServerId | Request | ProxyId | Response | Bytes,
    TcpLog = Date | ClientIp | ServerId | ProxyId | Bytes,
}
