using HaproxyNet.Config.Environment;

namespace HaproxyNet.Config.Parsing;

/// <summary>Routes alerts and warnings to the sink with 1.4's quiet rules (<c>log.c Alert/Warning</c>).</summary>
/// <remarks>Alerts are always shown while starting; warnings are hidden in quiet mode unless <c>-V</c>.</remarks>
internal sealed class Diagnostics(IDiagnosticSink sink, bool quiet, bool verbose)
{
    /// <summary>Set by <c>-q</c> or by a <c>quiet</c> line in global, from that line on.</summary>
    public bool Quiet { get; set; } = quiet;

    public bool Verbose { get; } = verbose;

    public void Alert(string text) => sink.Alert(text);

    public void Warning(string text)
    {
        if (!Quiet || Verbose)
        {
            sink.Warning(text);
        }
    }
}
