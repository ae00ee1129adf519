using System.Net;
using HaproxyNet.Config.Model;

namespace HaproxyNet.Config.Parsing.Builders;

/// <summary>Mutable server (or the per-proxy <c>default-server</c> template) while parsing.</summary>
internal sealed class ServerBuilder
{
    public string Name = "default-server";
    public SourceSpan Span;
    public int Id;
    public IPAddress Address = IPAddress.Any;
    public int Port;
    public bool PortMapped;
    public string? Cookie;
    public string? Redir;
    public bool Backup;
    public bool Check;
    public bool Disabled;
    public int CheckPort;
    public IPAddress? CheckAddress;
    public int CheckAddressPort;
    public int Rise = 2;
    public int Fall = 3;
    public int Inter = 2000;
    public int FastInter;
    public int DownInter;
    public int Weight = 1;
    public int MinConn;
    public int MaxConn;
    public int MaxQueue;
    public int SlowStart;
    public string? Track;
    public string Observe = "none";
    public string OnError = "fail-check";
    public int ErrorLimit = 10;
    public IPEndPoint? Source;
    public int SourcePortHigh;
    public string? SourceInterface;

    /// <summary>Copies the template values a new server starts from (cfg_parse_listen, "server").</summary>
    public void CopyDefaultsFrom(ServerBuilder d)
    {
        CheckPort = d.CheckPort;
        Inter = d.Inter;
        FastInter = d.FastInter;
        DownInter = d.DownInter;
        Rise = d.Rise;
        Fall = d.Fall;
        MaxQueue = d.MaxQueue;
        MinConn = d.MinConn;
        MaxConn = d.MaxConn;
        SlowStart = d.SlowStart;
        OnError = d.OnError;
        ErrorLimit = d.ErrorLimit;
        Weight = d.Weight;
    }

    public ServerBuilder Clone() => (ServerBuilder)MemberwiseClone();

    public ServerLine Freeze() => new()
    {
        Name = Name,
        Span = Span,
        Id = Id,
        Address = Address,
        Port = Port,
        PortMapped = PortMapped,
        Cookie = Cookie,
        RedirectPrefix = Redir,
        Backup = Backup,
        Check = Check,
        Disabled = Disabled,
        CheckPort = CheckPort,
        CheckAddress = CheckAddress,
        Rise = Rise,
        Fall = Fall,
        Inter = Inter,
        FastInter = FastInter,
        DownInter = DownInter,
        Weight = Weight,
        MinConn = MinConn,
        MaxConn = MaxConn,
        MaxQueue = MaxQueue,
        SlowStartSeconds = SlowStart,
        Track = Track,
        Observe = Observe,
        OnError = OnError,
        ErrorLimit = ErrorLimit,
        Source = Source,
        SourcePortHigh = SourcePortHigh,
        SourceInterface = SourceInterface,
    };
}
