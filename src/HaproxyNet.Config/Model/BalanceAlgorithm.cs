namespace HaproxyNet.Config.Model;

/// <summary>Load-balancing algorithm (BE_LB_ALGO_*); None means no <c>balance</c> line was seen.</summary>
public enum BalanceAlgorithm
{
    None,
    RoundRobin,
    StaticRoundRobin,
    LeastConn,
    Source,
    Uri,
    UrlParam,
    Header,
    RdpCookie,
}
