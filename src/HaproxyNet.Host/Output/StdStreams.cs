using System.Text;

namespace HaproxyNet.Host.Output;

/// <summary>The process's stdout and stderr as byte streams, written in Latin-1 (one byte per char).</summary>
/// <remarks>1.4 writes bytes; HaproxyNet keeps byte strings in <see cref="string"/>s with one char per byte.</remarks>
public sealed class StdStreams
{
    public StdStreams(Stream stdout, Stream stderr)
    {
        Stdout = stdout;
        Stderr = stderr;
    }

    public Stream Stdout { get; }

    public Stream Stderr { get; }

    /// <summary>The real process streams.</summary>
    public static StdStreams OpenConsole() => new(Console.OpenStandardOutput(), Console.OpenStandardError());

    public void WriteStdout(string text) => Write(Stdout, text);

    public void WriteStderr(string text) => Write(Stderr, text);

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
