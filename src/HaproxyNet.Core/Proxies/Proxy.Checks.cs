using HaproxyNet.Core.Checks;

namespace HaproxyNet.Core.Proxies;

/// <summary>Health-check settings of a backend (check_req, PR_O_*_CHK, http-check options, timeout check).</summary>
public sealed partial class Proxy
{
    /// <summary>The backend's check settings; the default is a plain TCP connect check.</summary>
    public CheckSettings CheckSettings { get; set; } = CheckSettings.Tcp;

    /// <summary><c>timeout check</c> in ms, 0 = unset.</summary>
    public int TimeoutCheck { get; set; }

    /// <summary>Seconds the backend spent with no usable server (down_time).</summary>
    public long DownTimeSeconds { get; set; }
}
