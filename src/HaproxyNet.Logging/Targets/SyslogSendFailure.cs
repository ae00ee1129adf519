using HaproxyNet.Core.Logging;

namespace HaproxyNet.Logging.Targets;

/// <summary>A datagram that could not be sent (1.4 only prints an alert on stderr and goes on).</summary>
/// <param name="Target">The logger slot.</param>
/// <param name="Errno">The system error code (errno on Linux).</param>
/// <param name="Reason">The system's text for it (strerror).</param>
/// <param name="Operation"><c>socket</c> or <c>sendto</c>, the call that failed.</param>
public readonly record struct SyslogSendFailure(LogTarget Target, int Errno, string Reason, string Operation)
{
    /// <summary>1.4's alert text, e.g. <c>sendto logger #1 failed: Resource temporarily unavailable (errno=11)</c>.</summary>
    /// <param name="loggerNumber">1-based slot number, which only the caller knows.</param>
    public string ToAlert(int loggerNumber) =>
        Operation + " " + (Operation == "socket" ? "for " : string.Empty) + "logger #" + loggerNumber + " failed: " + Reason + " (errno=" + Errno + ")";
}
