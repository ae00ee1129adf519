using HaproxyNet.Core.Ports;

namespace HaproxyNet.IO.Tests;

/// <summary>Counts readiness callbacks and records their order; optional actions run inside the callback.</summary>
internal sealed class RecordingHandler : IIoHandler
{
    private readonly List<string> _log;
    private readonly string _name;

    public RecordingHandler(string name, List<string>? sharedLog = null)
    {
        _name = name;
        _log = sharedLog ?? [];
    }

    public int Reads { get; private set; }

    public int Writes { get; private set; }

    public IReadOnlyList<string> Log => _log;

    public Action? OnRead { get; set; }

    public Action? OnWrite { get; set; }

    public void OnReadable()
    {
        Reads++;
        _log.Add(_name + ":R");
        OnRead?.Invoke();
    }

    public void OnWritable()
    {
        Writes++;
        _log.Add(_name + ":W");
        OnWrite?.Invoke();
    }
}
