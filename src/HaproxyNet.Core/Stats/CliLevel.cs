namespace HaproxyNet.Core.Stats;

/// <summary>A stats socket's <c>level</c> (1.4's ACCESS_LVL_*).</summary>
public enum CliLevel
{
    /// <summary><c>level user</c>: read-only, no sessions or errors.</summary>
    User = 1,

    /// <summary><c>level operator</c> (default): also show sess/errors and clear counters.</summary>
    Operator = 2,

    /// <summary><c>level admin</c>: everything, server state and weight changes included.</summary>
    Admin = 3,
}

/// <summary>One stats socket connection's state (1.4's stats CLI flags on its session).</summary>
public sealed class CliConnection
{
    public CliConnection(CliLevel level, int timeoutMs)
    {
        Level = level;
        TimeoutMs = timeoutMs;
    }

    /// <summary>The socket's level.</summary>
    public CliLevel Level { get; }

    /// <summary>Interactive mode (<c>prompt</c>): keep the connection and print <c>&gt; </c>.</summary>
    public bool Interactive { get; set; }

    /// <summary>Idle timeout of this connection in ms (<c>stats timeout</c>, <c>set timeout cli</c>).</summary>
    public int TimeoutMs { get; set; }

    /// <summary>Set by <c>quit</c>: close after this answer.</summary>
    public bool Quit { get; set; }
}
