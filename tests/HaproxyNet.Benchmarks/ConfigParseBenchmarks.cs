using System.Text;
using BenchmarkDotNet.Attributes;
using HaproxyNet.Config;
using HaproxyNet.Testing.Config;

namespace HaproxyNet.Benchmarks;

/// <summary>
/// Reading and checking a large configuration through <see cref="ConfigLoader.Load"/>: 100 backends of
/// 50 servers (5,000 server lines, 200 ACL/switching lines).
/// </summary>
/// <remarks>
/// Run by hand: <c>dotnet run -c Release --project tests/HaproxyNet.Benchmarks -- --filter *ConfigParse*</c>.
/// First measure (2026-11-24, shared 2-core box, ShortRun): 780 ms and 523 MB allocated per load of the
/// 5,300-line file, about 100 KB per line; time grows linearly with the number of backends.
/// After the lexer and value grammars stopped building Sprache inputs and parsers per character/call
/// (same box, ShortRun): 18 ms and 26 MB per load, about 5 KB per line.
/// </remarks>
[MemoryDiagnoser]
public class ConfigParseBenchmarks
{
    private const string FileName = "generated.cfg";

    private InMemoryConfigEnvironment _environment = null!;
    private IReadOnlyList<string> _files = null!;
    private readonly ConfigLoadOptions _options = new();

    [Params(100)]
    public int Backends { get; set; }

    [Params(50)]
    public int ServersPerBackend { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var bytes = GeneratedConfig.Build(Backends, ServersPerBackend);
        _environment = new InMemoryConfigEnvironment().With(FileName, Encoding.Latin1.GetString(bytes));
        _files = [FileName];

        // Measure the success path only: the generated file must be valid and silent.
        var sink = new NullDiagnosticSink();
        var result = ConfigLoader.Load(_files, _options, _environment, sink);
        if (!result.IsValid || sink.Alerts != 0 || sink.Warnings != 0)
        {
            throw new InvalidOperationException(
                $"generated configuration not accepted cleanly: exit {result.ExitCode}, {sink.Alerts} alerts, {sink.Warnings} warnings");
        }
    }

    [Benchmark]
    public ConfigLoadResult Load() => ConfigLoader.Load(_files, _options, _environment, new NullDiagnosticSink());
}
