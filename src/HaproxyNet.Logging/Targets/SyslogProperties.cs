namespace HaproxyNet.Logging.Targets;

/// <summary>Names of the event properties a syslog line carries through NLog (usable in layouts).</summary>
/// <remarks>E.g. <c>${event-properties:item=level}</c> in an nlog.config file layout.</remarks>
public static class SyslogProperties
{
    /// <summary>The <see cref="Core.Logging.LogTarget"/> the datagram goes to.</summary>
    public const string Target = "target";

    /// <summary>Syslog level 0-7 as written in PRI.</summary>
    public const string Level = "level";

    /// <summary>Syslog facility code (local0 = 16).</summary>
    public const string Facility = "facility";
}
