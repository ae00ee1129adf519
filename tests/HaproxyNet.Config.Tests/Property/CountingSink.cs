using System.Text;
using HaproxyNet.Config.Environment;

namespace HaproxyNet.Config.Tests.Property;

/// <summary>Counts diagnostics and keeps their text for failure reports.</summary>
internal sealed class CountingSink : IDiagnosticSink
{
    private readonly StringBuilder _text = new();

    public int Alerts { get; private set; }

    public int Warnings { get; private set; }

    public string Text => _text.ToString();

    public void Alert(string text)
    {
        Alerts++;
        _text.Append("[ALERT] ").Append(text);
    }

    public void Warning(string text)
    {
        Warnings++;
        _text.Append("[WARNING] ").Append(text);
    }

    public void Reset()
    {
        Alerts = 0;
        Warnings = 0;
        _text.Clear();
    }
}
