using HaproxyNet.Config.Environment;
using HaproxyNet.Config.Model;
using HaproxyNet.Host.Cli;
using HaproxyNet.Host.Startup;

namespace HaproxyNet.Host.Engine;

/// <summary>Everything the engine needs from the front door.</summary>
/// <param name="Options">The command line (pollers, -n, -m, -p, -sf/-st PIDs...).</param>
/// <param name="Config">The validated configuration.</param>
/// <param name="Modes">Process modes after merging the command line with the configuration.</param>
/// <param name="Diagnostics">Where runtime [ALERT]/[WARNING] lines go (stderr).</param>
/// <param name="Argv0">argv[0] as given, for the <c>[&lt;argv0&gt;.main()]</c> messages.</param>
public sealed record EngineStartup(
    CommandLineOptions Options,
    ConfigDocument Config,
    ProcessModes Modes,
    IDiagnosticSink Diagnostics,
    string Argv0);
