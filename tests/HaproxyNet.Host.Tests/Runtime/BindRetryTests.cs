using HaproxyNet.Host.Runtime;

namespace HaproxyNet.Host.Tests.Runtime;

/// <summary>The -sf/-st bind retry of 1.4.25's main(), with counted attempts, signals and pauses.</summary>
public class BindRetryTests
{
    private static readonly IReadOnlyList<string> Busy = ["Starting proxy l: cannot bind socket"];

    private int _attempts;
    private int _lastChances;
    private int _pauses;
    private int _waits;

    [Fact]
    public void Run_BoundAtOnce_OneAttemptNoSignal()
    {
        var errors = Run(failures: 0, oldPids: 1, delivered: 1, out var resume);

        Assert.Empty(errors);
        Assert.Equal((1, 0, 0), (_attempts, _pauses, _waits));
        Assert.False(resume);
    }

    [Fact]
    public void Run_NoOldPids_OneAttemptAndNoSigTtin()
    {
        var errors = Run(failures: int.MaxValue, oldPids: 0, delivered: 0, out var resume);

        Assert.Equal(Busy, errors);
        Assert.Equal((1, 0, 0), (_attempts, _pauses, _waits));
        Assert.False(resume);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(200)] // bound at the very last attempt
    public void Run_OldPidsReleaseThePort_SigTtouBetweenAttemptsUntilBound(int failures)
    {
        var errors = Run(failures, oldPids: 2, delivered: 2, out var resume);

        Assert.Empty(errors);
        Assert.Equal((failures + 1, failures, failures), (_attempts, _pauses, _waits));
        Assert.False(resume);
    }

    [Fact]
    public void Run_PortNeverReleased_201AttemptsThenSigTtin()
    {
        var errors = Run(failures: int.MaxValue, oldPids: 1, delivered: 1, out var resume);

        Assert.Equal(Busy, errors);
        Assert.Equal((EngineProcess.MaxStartRetries + 1, EngineProcess.MaxStartRetries, EngineProcess.MaxStartRetries), (_attempts, _pauses, _waits));
        Assert.Equal(1, _lastChances); // only the final attempt prints its alerts
        Assert.True(resume);
    }

    [Fact]
    public void Run_OldPidsGone_OneLastAttemptWithoutWaiting()
    {
        var errors = Run(failures: int.MaxValue, oldPids: 1, delivered: 0, out var resume);

        Assert.Equal(Busy, errors);
        Assert.Equal((2, 1, 0), (_attempts, _pauses, _waits));
        Assert.True(resume); // 1.4.25 still sends SIGTTIN (to nobody)
    }

    private IReadOnlyList<string> Run(int failures, int oldPids, int delivered, out bool resume) =>
        BindRetry.Run(
            last =>
            {
                _lastChances += last ? 1 : 0;
                return ++_attempts <= failures ? Busy : [];
            },
            oldPids,
            () =>
            {
                _pauses++;
                return delivered;
            },
            () => _waits++,
            out resume);
}
