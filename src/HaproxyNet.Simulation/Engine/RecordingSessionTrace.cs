using HaproxyNet.Core.Diagnostics;

namespace HaproxyNet.Testing.Engine;

/// <summary>Records trace messages with the virtual time (ms since <see cref="StartUs"/>) they were emitted at.</summary>
public sealed class RecordingSessionTrace : ISessionTrace
{
    private readonly ManualTimeProvider? _time;
    private readonly List<(long Ms, long SessionId, string Message)> _entries = [];

    public RecordingSessionTrace(bool enabled = true, ManualTimeProvider? time = null)
    {
        IsEnabled = enabled;
        _time = time;
        StartUs = time?.NowUs ?? 0;
    }

    public bool IsEnabled { get; }

    public long StartUs { get; }

    /// <summary>Calls received; stays 0 while disabled if the engine honours <see cref="IsEnabled"/>.</summary>
    public int Calls { get; private set; }

    public IReadOnlyList<(long Ms, long SessionId, string Message)> Entries => _entries;

    public void Trace(long sessionId, string message)
    {
        Calls++;
        var ms = _time is null ? 0 : (_time.NowUs - StartUs) / 1000;
        _entries.Add((ms, sessionId, message));
    }
}
