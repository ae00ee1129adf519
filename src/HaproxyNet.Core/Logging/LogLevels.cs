namespace HaproxyNet.Core.Logging;

/// <summary>Syslog severities (LOG_* of syslog.h).</summary>
public static class LogLevels
{
    public const int Emerg = 0;
    public const int Alert = 1;
    public const int Crit = 2;
    public const int Err = 3;
    public const int Warning = 4;
    public const int Notice = 5;
    public const int Info = 6;
    public const int Debug = 7;
}
