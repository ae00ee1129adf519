namespace HaproxyNet.Logging.Syslog;

/// <summary>What the syslog header carries besides the date (1.4 globals <c>log-tag</c>, <c>log-send-hostname</c>).</summary>
/// <param name="Tag">Program tag; 1.4 uses argv[0]'s basename (<c>log-tag</c> overrides it).</param>
/// <param name="Hostname">Sent as <c>hostname </c> before the tag when not null (<c>log-send-hostname</c>).</param>
/// <param name="Pid">Process id shown in <c>tag[pid]</c>; null means the current process.</param>
public sealed record SyslogOptions(string Tag = SyslogOptions.DefaultTag, string? Hostname = null, int? Pid = null)
{
    /// <summary>Our program name. Set <see cref="Tag"/> to <c>haproxy</c> (log-tag) to diff against 1.4 verbatim.</summary>
    public const string DefaultTag = "haproxynet";

    /// <summary>
    /// The name <c>log-send-hostname</c> uses without an argument: the system host name as gethostname()
    /// returns it (not cut at the first dot, unlike <see cref="Environment.MachineName"/>).
    /// </summary>
    public static string SystemHostName() => System.Net.Dns.GetHostName();
}
