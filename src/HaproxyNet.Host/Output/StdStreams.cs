using System.Text;

namespace HaproxyNet.Host.Output;

/// <summary>The process's stdout and stderr as byte streams, written in Latin-1 (one byte per char).</summary>
/// <remarks>1.4 writes bytes; HaproxyNet keeps byte strings in <see cref="string"/>s with one char per byte.</remarks>
public sealed class StdStreams
{
    private readonly StringBuilder _stdio = new();

    /// <param name="stdoutIsTerminal">
    /// Whether stdout is a terminal: C stdio flushes each line there, but holds text for a pipe or a file until exit.
    /// </param>
    public StdStreams(Stream stdout, Stream stderr, bool stdoutIsTerminal = true)
    {
        Stdout = stdout;
        Stderr = stderr;
        StdoutIsTerminal = stdoutIsTerminal;
    }

    public bool StdoutIsTerminal { get; }

    public Stream Stdout { get; }

    public Stream Stderr { get; }

    /// <summary>The real process streams.</summary>
    public static StdStreams OpenConsole() =>
        new(Console.OpenStandardOutput(), Console.OpenStandardError(), !Console.IsOutputRedirected);

    public void WriteStdout(string text) => Write(Stdout, text);

    public void WriteStderr(string text) => Write(Stderr, text);

    /// <summary>
    /// What 1.4 prints with <c>printf</c> once running (<c>Using epoll() as the polling mechanism.</c>): at once on a
    /// terminal, else held until <see cref="FlushStdio"/> at a normal exit, so it follows every <c>-d</c> line (those
    /// are raw writes) and is lost if the process is killed, as with a fully buffered stdio stream.
    /// </summary>
    public void WriteStdoutStdio(string text)
    {
        if (StdoutIsTerminal)
        {
            WriteStdout(text);
        }
        else
        {
            _stdio.Append(text);
        }
    }

    /// <summary>exit()'s flush of the stdio buffer.</summary>
    public void FlushStdio()
    {
        if (_stdio.Length > 0)
        {
            var text = _stdio.ToString();
            _stdio.Clear();
            WriteStdout(text);
        }
    }

    private static void Write(Stream stream, string text)
    {
        try
        {
            stream.Write(Encoding.Latin1.GetBytes(text));
            stream.Flush();
        }
        catch (IOException)
        {
            // A closed stdout/stderr (EPIPE, '>&-') loses the text, as printf/fprintf would; never fatal.
        }
    }
}
