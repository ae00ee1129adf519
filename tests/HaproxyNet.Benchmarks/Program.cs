using BenchmarkDotNet.Running;

namespace HaproxyNet.Benchmarks;

/// <summary>Runs the benchmarks named on the command line (BenchmarkSwitcher).</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
