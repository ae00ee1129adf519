using System.Globalization;

namespace HaproxyNet.LogDiff.Comparison;

/// <summary>Explains a syslog <c>&lt;PRI&gt;</c> value: facility * 8 + level (local0 is facility 16).</summary>
public static class SyslogPriority
{
    private static readonly string[] Levels = ["emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"];

    /// <summary><c>"134=facility 16, info"</c> for a decimal PRI value.</summary>
    public static string Explain(string pri)
    {
        var value = int.Parse(pri, NumberStyles.None, CultureInfo.InvariantCulture);
        return $"{pri}=facility {value / 8}, {Levels[value % 8]}";
    }
}
