namespace HaproxyNet.Core.Proxies;

/// <summary>Runtime state of one frontend, backend or listen section (1.4's <c>struct proxy</c>).</summary>
/// <remarks>
/// The engine owns this file; the load balancers keep their per-backend state in <c>Proxy.Lb.cs</c>.
/// </remarks>
public sealed partial class Proxy
{
    public Proxy(string name)
    {
        Name = name;
    }

    public string Name { get; }

    /// <summary>Servers in declaration order.</summary>
    public List<Server> Servers { get; } = [];

    /// <summary>Sessions assigned to this backend, queued ones included (be->beconn).</summary>
    public int BeConn { get; set; }

    /// <summary>fullconn (0 when unset on a pure backend).</summary>
    public int FullConn { get; set; }

    /// <summary>Sessions waiting in the backend queue (px->nbpend).</summary>
    public int NbPend { get; set; }

    /// <summary>Sessions waiting in this backend's and its servers' queues (px->totpend).</summary>
    public int TotPend { get; set; }

    /// <summary><c>option allbackups</c>.</summary>
    public bool AllBackups { get; set; }
}
