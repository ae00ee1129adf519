using HaproxyNet.Core.Ports;

namespace HaproxyNet.Testing.Engine;

/// <summary>
/// The simulated poller: lets the world react, dispatches ready handlers, and when nothing is ready moves the
/// virtual clock to the next scripted event, the timeout or the harness horizon, whichever comes first.
/// </summary>
public sealed class SimPoller : IPoller
{
    private readonly SimNetwork _net;
    private bool _wake;

    internal SimPoller(SimNetwork net)
    {
        _net = net;
    }

    public string Name => "simulated";

    /// <summary>Number of Poll calls (loop turns that reached the poller).</summary>
    public long Polls { get; private set; }

    public int Poll(int timeoutMs)
    {
        Polls++;
        var time = _net.Time;
        var deadline = time.NowUs + (timeoutMs * 1000L);
        var finished = _net.FinishedClients;
        while (true)
        {
            _net.RunWorld();
            var n = _net.Dispatch();
            var now = time.NowUs;
            var horizon = _net.HorizonUs;

            // A client that finished interrupts the wait so the harness can start the next step on time.
            if (n > 0 || _wake || now >= deadline || (horizon >= 0 && now >= horizon) || _net.FinishedClients != finished
                || _net.Interrupt?.Invoke() == true)
            {
                _wake = false;
                _net.LastPollEvents = n;
                return n;
            }

            var target = deadline;
            var next = _net.NextWorldWakeUs();
            if (next > now && next < target)
            {
                target = next;
            }

            if (horizon >= 0 && horizon < target)
            {
                target = horizon;
            }

            time.AdvanceToUs(target);
        }
    }

    public void Wake() => _wake = true;
}
