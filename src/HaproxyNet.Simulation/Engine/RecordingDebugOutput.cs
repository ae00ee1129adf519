using System.Text;
using HaproxyNet.Core.Diagnostics;

namespace HaproxyNet.Testing.Engine;

/// <summary>Records the <c>-d</c> debug lines (Latin-1 text, newline included) in the order they were written.</summary>
public sealed class RecordingDebugOutput : IDebugOutput
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines => _lines;

    /// <summary>Everything written, as one text (what stdout would hold).</summary>
    public string Text => string.Concat(_lines);

    public void Write(ReadOnlySpan<byte> line) => _lines.Add(Encoding.Latin1.GetString(line));
}
