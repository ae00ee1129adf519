namespace HaproxyNet.Host.Startup;

/// <summary>The process-mode keywords of the <c>global</c> section: <c>daemon</c>, <c>debug</c>, <c>quiet</c>, <c>nbproc</c>.</summary>
/// <param name="NbProc">0 when <c>nbproc</c> is absent (1.4 then runs one process).</param>
public sealed record ConfigModes(bool Daemon, bool Debug, bool Quiet, int NbProc)
{
    public static ConfigModes None { get; } = new(false, false, false, 0);
}
