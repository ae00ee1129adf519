namespace HaproxyNet.Host.Tests.Process;

/// <summary>What a finished <c>haproxynet</c> process left behind.</summary>
/// <param name="ExitCode">Exit status, or null when it was killed after the time limit.</param>
internal sealed record ProcessOutcome(int? ExitCode, byte[] Stdout, byte[] Stderr, int Pid, HashSet<int> DaysOfYear);
