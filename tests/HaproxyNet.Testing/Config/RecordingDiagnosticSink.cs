using System.Text;
using HaproxyNet.Config.Environment;

namespace HaproxyNet.Testing.Config;

/// <summary>Collects diagnostics as 1.4 prints them on stderr, with a fixed stand-in for the date/pid prefix.</summary>
/// <param name="prefixTail">What follows <c>[ALERT] </c>: e.g. <c>DDD/HHMMSS (PID) : </c> or empty for the corpus form.</param>
public sealed class RecordingDiagnosticSink(string prefixTail) : IDiagnosticSink
{
    private readonly StringBuilder _text = new();

    public string Text => _text.ToString();

    public void Alert(string text) => _text.Append("[ALERT] ").Append(prefixTail).Append(text);

    public void Warning(string text) => _text.Append("[WARNING] ").Append(prefixTail).Append(text);
}
