using System.Text;
using HaproxyNet.Testing;

namespace HaproxyNet.Host.Tests.Process;

/// <summary>
/// <c>-c</c> flows around the recorded cases, on the real binary: several <c>-f</c>, a directory as a file,
/// raw bytes in messages, quiet lines. Expected texts follow CONFIG.md §7 and the recorded message shapes.
/// </summary>
public sealed class ConfigCheckEdgeProcessTests : IDisposable
{
    private const string Valid = "defaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n\nlisten web\n    bind 127.0.0.1:8080\n    server s1 127.0.0.1:8081\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("haproxynet-check-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Write(string name, string latin1Text) => File.WriteAllBytes(Path.Combine(_folder, name), Encoding.Latin1.GetBytes(latin1Text));

    private string Check(params string[] args) => ConfigCheckNormalizer.Format(HaproxyNetProcess.Run(_folder, args));

    [ConfigLoaderFact]
    public void Check_TwoValidFiles_Valid()
    {
        Write("a.cfg", "global\n    maxconn 100\n");
        Write("b.cfg", Valid);
        Assert.Equal("exit: 0\n--- stdout\nConfiguration file is valid\n--- stderr\n", Check("-c", "-f", "a.cfg", "-f", "b.cfg"));
    }

    [ConfigLoaderFact]
    public void Check_SecondFileMissing_FirstReadThenCouldNotOpen()
    {
        Write("a.cfg", Valid);
        Assert.Equal(
            "exit: 1\n--- stdout\n--- stderr\n[ALERT] DDD/HHMMSS (PID) : Could not open configuration file missing.cfg : No such file or directory\n",
            Check("-c", "-f", "a.cfg", "-f", "missing.cfg"));
    }

    [ConfigLoaderFact]
    public void Check_FatalInFirstFile_SecondStillReadThenFatalSummary()
    {
        Write("a.cfg", "global\n    max-connections 200\n");
        Write("b.cfg", Valid + "    bogus-keyword\n");
        Assert.Equal(
            "exit: 1\n--- stdout\n--- stderr\n" +
            "[ALERT] DDD/HHMMSS (PID) : parsing [a.cfg:2] : unknown keyword 'max-connections' in 'global' section\n" +
            "[ALERT] DDD/HHMMSS (PID) : Error(s) found in configuration file : a.cfg\n" +
            "[ALERT] DDD/HHMMSS (PID) : parsing [b.cfg:10] : unknown keyword 'bogus-keyword' in 'listen' section\n" +
            "[ALERT] DDD/HHMMSS (PID) : Error(s) found in configuration file : b.cfg\n" +
            "[ALERT] DDD/HHMMSS (PID) : Fatal errors found in configuration.\n",
            Check("-c", "-f", "a.cfg", "-f", "b.cfg"));
    }

    [ConfigLoaderFact]
    public void Check_DirectoryAsFile_ReadAsEmptyLikeFgets()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "conf.d"));
        Assert.Equal(
            "exit: 1\n--- stdout\n--- stderr\n" +
            "[ALERT] DDD/HHMMSS (PID) : config : no <listen> line. Nothing to do !\n" +
            "[ALERT] DDD/HHMMSS (PID) : Fatal errors found in configuration.\n",
            Check("-c", "-f", "conf.d"));
    }

    [ConfigLoaderFact]
    public void Check_RawLatin1BytesInKeyword_EchoedByteForByte()
    {
        // 0xE9 is not valid UTF-8 on its own: the harness shows it as \xe9, as it would for 1.4.
        Write("raw.cfg", "global\n    caf\u00e9 1\n" + Valid);
        Assert.Equal(
            "exit: 1\n--- stdout\n--- stderr\n" +
            "[ALERT] DDD/HHMMSS (PID) : parsing [raw.cfg:2] : unknown keyword 'caf\\xe9' in 'global' section\n" +
            "[ALERT] DDD/HHMMSS (PID) : Error(s) found in configuration file : raw.cfg\n" +
            "[ALERT] DDD/HHMMSS (PID) : Fatal errors found in configuration.\n",
            Check("-c", "-f", "raw.cfg"));
    }

    [ConfigLoaderFact]
    public void Check_Utf8FileName_PrintedAsGiven()
    {
        Write("caf\u00e9.cfg", "global\n    bogus 1\n");
        var outcome = HaproxyNetProcess.Run(_folder, "-c", "-f", "caf\u00e9.cfg");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("parsing [caf\u00e9.cfg:2] : unknown keyword 'bogus' in 'global' section\n", ConfigCheckNormalizer.Format(outcome), StringComparison.Ordinal);
    }

    [ConfigLoaderFact]
    public void Check_QuietLineInGlobal_NoSuccessLine()
    {
        Write("q.cfg", "global\n    quiet\n" + Valid);
        Assert.Equal("exit: 0\n--- stdout\n--- stderr\n", Check("-c", "-f", "q.cfg"));
    }

    [ConfigLoaderFact]
    public void Check_QuietLineWithVerboseFlag_SuccessLineShown()
    {
        Write("q.cfg", "global\n    quiet\n" + Valid);
        Assert.Equal("exit: 0\n--- stdout\nConfiguration file is valid\n--- stderr\n", Check("-V", "-c", "-f", "q.cfg"));
    }

    [ConfigLoaderFact]
    public void Check_RecordedCaseByAbsolutePath_FileNameInMessagesAsGiven()
    {
        var path = Path.Combine(TestDataPaths.ConfigCheck, "err-no-proxy.cfg");
        var text = Check("-c", "-f", path);
        Assert.StartsWith("exit: 1\n", text, StringComparison.Ordinal);
        Assert.Contains("config : no <listen> line. Nothing to do !\n", text, StringComparison.Ordinal);
    }

    [ConfigLoaderFact]
    public void Check_NbprocWithoutDaemon_NoModeWarningUnderCheck()
    {
        // CLI.md §1: the mode-merging warnings come after the -c exit.
        Write("n.cfg", "global\n    nbproc 2\n" + Valid);
        var text = Check("-c", "-f", "n.cfg");
        Assert.StartsWith("exit: 0\n--- stdout\nConfiguration file is valid\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<nbproc> is only meaningful", text, StringComparison.Ordinal);
    }
}
