using HaproxyNet.Core.Logging;

namespace HaproxyNet.Testing.Engine;

/// <summary>Records every log message with its PRI, as the syslog receiver of the log-compare harness would.</summary>
public sealed class CapturingLogSink : ILogSink
{
    private readonly List<(int Pri, string Message)> _entries = [];

    public IReadOnlyList<(int Pri, string Message)> Entries => _entries;

    public void Send(LogTarget target, int level, ReadOnlySpan<char> message)
    {
        _entries.Add(((target.Facility * 8) + level, message.ToString()));
    }

    /// <summary>Messages without their trailing newline.</summary>
    public IReadOnlyList<string> Messages
    {
        get
        {
            var list = new List<string>(_entries.Count);
            foreach (var e in _entries)
            {
                list.Add(e.Message.TrimEnd('\n'));
            }

            return list;
        }
    }
}
