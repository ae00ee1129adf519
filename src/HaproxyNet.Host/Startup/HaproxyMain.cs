using HaproxyNet.Config;
using HaproxyNet.Config.Environment;
using HaproxyNet.Config.Lint;
using HaproxyNet.Host.Cli;
using HaproxyNet.Host.Engine;
using HaproxyNet.Host.Output;

namespace HaproxyNet.Host.Startup;

/// <summary>The process front door: command line, configuration, <c>-c</c> verdict, hand-over to the engine.</summary>
/// <remarks>
/// Mirrors <c>init()</c> in haproxy.c up to the point where <c>main()</c> starts the proxies: parse the
/// arguments, read every <c>-f</c> file, print the check verdict or merge the process modes and run.
/// </remarks>
public static class HaproxyMain
{
    /// <summary>
    /// The equivalent of building 1.4 with <c>USE_LINUX_SPLICE=1</c>: set <c>HAPROXYNET_USE_LINUX_SPLICE=1</c> in the
    /// environment (Linux only) to accept the <c>splice-*</c> options and <c>tune.pipesize</c> and splice with
    /// them. Unset, the configuration is read as the reference build reads it (they are unknown keywords).
    /// </summary>
    public static bool LinuxSpliceBuild { get; } =
        OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable("HAPROXYNET_USE_LINUX_SPLICE") == "1";

    public const string ValidMessage = "Configuration file is valid\n";

    /// <summary>Environment variable that turns on HaproxyNet's config lint after a valid <c>-c</c>.</summary>
    public const string LintSwitch = "HAPROXYNET_LINT";

    /// <summary>Runs the front door and returns the process exit status.</summary>
    /// <param name="argv0">argv[0]; its basename names the program in the usage text.</param>
    /// <param name="args">The words after argv[0], as byte strings.</param>
    public static int Run(string argv0, IReadOnlyList<string> args, StartupContext context)
    {
        var parsed = CommandLine.Parse(args);
        switch (parsed.Outcome)
        {
            case CommandLineOutcome.Version:
                context.Streams.WriteStdout(VersionText.Banner);
                return 0;
            case CommandLineOutcome.VersionAndBuild:
                context.Streams.WriteStdout(VersionText.Banner + VersionText.BuildOptions(
                    System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString(),
                    System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription));
                return 0;
            case CommandLineOutcome.Usage:
                context.Streams.WriteStdout(VersionText.Banner);
                context.Streams.WriteStderr(UsageText.Format(UsageText.ProgName(argv0), parsed.Options.MaxPConn));
                return 1;
            case CommandLineOutcome.Run:
            default:
                break;
        }

        var options = parsed.Options;
        var printer = new DiagnosticPrinter(context.Streams.Stderr, context.Clock, context.Pid);
        if (!TryLoad(options, context.Environment, printer, out var result))
        {
            return 1;
        }

        if (options.IsCheck)
        {
            if (result.ExitCode != 0)
            {
                return result.ExitCode;
            }

            // qfprintf: hidden in quiet mode (-q or a 'quiet' line) unless -V.
            var quiet = result.Quiet || (options.Mode & ArgMode.Quiet) != 0;
            if (!quiet || (options.Mode & ArgMode.Verbose) != 0)
            {
                context.Streams.WriteStdout(ValidMessage);
            }

            // Beyond 1.4, opt-in so that -c output stays identical by default: the full lint (the minconn/fullconn
            // queue trap and the other 1.4 pitfalls), the same findings as `haproxynet-tool lint`.
            if (System.Environment.GetEnvironmentVariable(LintSwitch) == "1" && result.Document is not null)
            {
                context.Streams.WriteStderr(LintFormatter.Format(ConfigLint.RunAll(result.Document)));
            }

            return 0;
        }

        if (!result.IsValid)
        {
            return result.ExitCode == 0 ? 1 : result.ExitCode;
        }

        var modes = ModeMerger.Merge(options.Mode, ConfigModesReader.Read(result.Document!), printer);
        var verbose = (modes.Mode & (ArgMode.Verbose | ArgMode.Debug)) != 0;
        if (verbose)
        {
            context.Streams.WriteStderr(PollerReport.Format(options.DisabledPollers));
        }

        if (!PollerReport.IsUsable(options.DisabledPollers))
        {
            printer.Alert(PollerReport.NoPollerAlert);
            return 1;
        }

        if (verbose)
        {
            context.Streams.WriteStdoutStdio(PollerReport.UsingLine);
        }

        // Beyond 1.4 (never under -c): name what the configuration asks for and the engine does not do yet.
        if (modes.ShowsMessages && UnperformedFeatures.Describe(result.Document!, context.Unperformed) is { } unperformed)
        {
            printer.Warning(unperformed);
        }

        var status = context.RunEngine(new EngineStartup(options, result.Document!, modes, printer, argv0));
        context.Streams.FlushStdio(); // exit(): a process killed before this point never prints the held text
        return status;
    }

    private static bool TryLoad(CommandLineOptions options, IConfigEnvironment environment, DiagnosticPrinter printer, out ConfigLoadResult result)
    {
        var loadOptions = new ConfigLoadOptions
        {
            DefaultProxyMaxconn = options.MaxPConn,
            Quiet = (options.Mode & ArgMode.Quiet) != 0,
            Verbose = (options.Mode & ArgMode.Verbose) != 0,
            LinuxSplice = LinuxSpliceBuild,
        };
        var noGc = ConfigLoadGc.Begin();
        try
        {
            result = ConfigLoader.Load(options.ConfigFiles, loadOptions, environment, printer);
            return true;
        }
        catch (Exception ex)
        {
            // 1.4 has no such path: this is a HaproxyNet bug, reported instead of a raw stack dump.
            printer.Alert("HaproxyNet internal error while reading the configuration: " + ex + "\n");
            result = new ConfigLoadResult(null, 1, false);
            return false;
        }
        finally
        {
            // -c exits right after the verdict: ending the region would only make the runtime's first allocation
            // at exit collect the whole model (1.5 ms of the 5,000-server -c in the profile).
            if (!options.IsCheck)
            {
                ConfigLoadGc.End(noGc);
            }
        }
    }
}
