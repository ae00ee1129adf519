namespace HaproxyNet.Config.Environment;

/// <summary>Where parse and check diagnostics go (1.4's <c>Alert()</c> / <c>Warning()</c> in log.c).</summary>
/// <remarks>
/// the text is the message exactly as 1.4 formats it after the
/// <c>[ALERT] DDD/HHMMSS (PID) : </c> prefix, including its final newline and any continuation lines.
/// The sink adds the prefix. Quiet filtering is done by the loader before calling the sink.
/// </remarks>
public interface IDiagnosticSink
{
    void Alert(string text);

    void Warning(string text);
}
