namespace HaproxyNet.Host.Cli;

/// <summary>The 1.4.25 command line: a pure left-to-right scan of the words after argv[0].</summary>
/// <remarks>
/// Mirrors the argument loop at the top of <c>init()</c> in haproxy.c (see spec CLI.md §1). Only the
/// first character after the dash chooses the option, sometimes with the second one; the rest of the
/// word is ignored. Nothing is printed here: the caller prints the version or the usage.
/// </remarks>
public static class CommandLine
{
    /// <summary>DEFAULT_MAXCONN and DEFAULT_MAXPCONN of the reference build.</summary>
    public const int DefaultMaxConn = 2000;

    /// <summary>Reads <paramref name="args"/> (argv without argv[0]).</summary>
    public static CommandLineResult Parse(IReadOnlyList<string> args)
    {
        var state = new ScanState();
        var i = 0;
        while (i < args.Count)
        {
            var word = args[i];
            if (word.Length == 0 || word[0] != '-')
            {
                return state.Usage();
            }

            var flag = word.Length > 1 ? word[1] : '\0';
            var next = word.Length > 2 ? word[2] : '\0';

            if (flag == 'v')
            {
                // -v exits at once: later words are never looked at, even bad ones.
                return state.Finish(next == 'v' ? CommandLineOutcome.VersionAndBuild : CommandLineOutcome.Version);
            }

            if (flag == 'd' && next == 'e')
            {
                state.DisabledPollers |= DisabledPollers.Epoll;
            }
            else if (flag == 'd' && next == 's')
            {
                state.DisabledPollers |= DisabledPollers.SpeculativeEpoll;
            }
            else if (flag == 'd' && next == 'p')
            {
                state.DisabledPollers |= DisabledPollers.Poll;
            }
            else if (flag == 'V')
            {
                state.Mode |= ArgMode.Verbose;
            }
            else if (flag == 'd' && next == 'b')
            {
                state.Mode |= ArgMode.Foreground;
            }
            else if (flag == 'd' && next == 'S' && Startup.HaproxyMain.LinuxSpliceBuild)
            {
                state.DisabledPollers |= DisabledPollers.Splice;
            }
            else if (flag == 'd')
            {
                // -dk and -dS land here too: kqueue and splice are not in the reference build.
                state.Mode |= ArgMode.Debug;
            }
            else if (flag == 'c')
            {
                state.Mode |= ArgMode.Check;
            }
            else if (flag == 'D')
            {
                state.Mode |= ArgMode.Daemon;
            }
            else if (flag == 'q')
            {
                state.Mode |= ArgMode.Quiet;
            }
            else if (flag == 's' && (next == 'f' || next == 't'))
            {
                state.OldPidsSignal = next == 'f' ? OldPidsSignal.Finish : OldPidsSignal.Terminate;
                for (i++; i < args.Count; i++)
                {
                    var pid = CLong.AtolToInt(args[i]);
                    if (pid <= 0)
                    {
                        return state.Usage();
                    }

                    state.OldPids.Add(pid);
                }

                break;
            }
            else if (!state.ReadValueOption(flag, args, ref i))
            {
                return state.Usage();
            }

            i++;
        }

        return state.ConfigFiles.Count == 0 ? state.Usage() : state.Finish(CommandLineOutcome.Run);
    }

    /// <summary>Mutable accumulator for one scan (1.4 keeps these in file-scope globals).</summary>
    private sealed class ScanState
    {
        public ArgMode Mode;
        public DisabledPollers DisabledPollers;
        public int MaxConn;
        public int MaxPConn = DefaultMaxConn;
        public int MemMax;
        public string? PidFile;
        public OldPidsSignal OldPidsSignal;
        public readonly List<int> OldPids = [];
        public readonly List<string> ConfigFiles = [];

        /// <summary>
        /// Any other <c>-X</c> takes the next word as its value (text glued to the flag is ignored).
        /// Returns false for a missing value or an unknown letter, the latter after consuming its value.
        /// </summary>
        public bool ReadValueOption(char flag, IReadOnlyList<string> args, ref int i)
        {
            i++;
            if (i >= args.Count)
            {
                return false;
            }

            var value = args[i];
            switch (flag)
            {
                case 'n':
                    MaxConn = CLong.AtolToInt(value);
                    return true;
                case 'm':
                    MemMax = CLong.AtolToInt(value);
                    return true;
                case 'N':
                    MaxPConn = CLong.AtolToInt(value);
                    return true;
                case 'f':
                    ConfigFiles.Add(value);
                    return true;
                case 'p':
                    PidFile = value;
                    return true;
                default:
                    return false;
            }
        }

        public CommandLineResult Usage() => Finish(CommandLineOutcome.Usage);

        public CommandLineResult Finish(CommandLineOutcome outcome) => new(outcome, new CommandLineOptions
        {
            ConfigFiles = ConfigFiles.ToArray(),
            Mode = Mode,
            DisabledPollers = DisabledPollers,
            MaxConn = MaxConn,
            MaxPConn = MaxPConn,
            MemMaxMegabytes = MemMax,
            PidFile = PidFile,
            OldPidsSignal = OldPidsSignal,
            OldPids = OldPids.ToArray(),
        });
    }
}
