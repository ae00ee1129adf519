using HaproxyNet.Host.Engine;
using HaproxyNet.Host.Output;
using HaproxyNet.Host.Platform;
using HaproxyNet.Host.Runtime;
using HaproxyNet.Host.Startup;

namespace HaproxyNet.Host;

/// <summary>Process entry point of <c>haproxynet</c>.</summary>
/// <remarks>1.4's <c>main()</c> in haproxy.c: <c>init()</c> (see <see cref="HaproxyMain"/>), then the engine.</remarks>
public static class Program
{
    public static int Main(string[] args)
    {
        var words = new string[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            words[i] = ByteString.FromArgument(args[i]);
        }

        // -D on the command line: the daemon child starts now and reads the configuration beside us; a process that
        // will run the engine compiles it while it reads the configuration.
        var child = DaemonLauncher.StartEarly(words);
#if !NATIVE_AOT
        if (!child)
        {
            JitWarmup.Begin(); // a native binary has nothing to compile
        }
#endif

        // A -D child re-reads the configuration silently: its parent already printed every message.
        var streams = DaemonLauncher.IsDaemonChild ? new StdStreams(Stream.Null, Stream.Null) : StdStreams.OpenConsole();
        var context = new StartupContext(
            streams,
            TimeProvider.System,
            Environment.ProcessId,
            new SystemConfigEnvironment(),
            startup => EngineProcessHost.Run(startup));
        var status = HaproxyMain.Run(ByteString.FromArgument(Argv0()), words, context);
        DaemonLauncher.AbandonEarly(); // the configuration was refused: the child must not live on
        return status;
    }

    /// <summary>argv[0] as typed: the assembly word under <c>dotnet haproxynet.dll</c>, the apphost word otherwise.</summary>
    private static string Argv0()
    {
        var all = Environment.GetCommandLineArgs();
        var entry = all.Length > 0 ? all[0] : "haproxynet";
        return ProcessArgv0.Resolve(ProcessArgv0.ReadProcCmdline(), entry, Environment.CurrentDirectory);
    }
}
