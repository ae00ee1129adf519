namespace HaproxyNet.Config.Parsing.Sections;

/// <summary>Syslog facility and level names (<c>log.c log_facilities</c>, <c>log_levels</c>).</summary>
internal static class SyslogNames
{
    private static readonly string[] Facilities =
    [
        "kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news",
        "uucp", "cron", "auth2", "ftp", "ntp", "audit", "alert", "cron2",
        "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7",
    ];

    private static readonly string[] Levels = ["emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"];

    /// <summary><c>get_log_facility</c>: index or -1.</summary>
    public static int Facility(string name) => Array.IndexOf(Facilities, name);

    /// <summary><c>get_log_level</c>: index or -1.</summary>
    public static int Level(string name) => Array.IndexOf(Levels, name);
}
