using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HaproxyNet.Demo;

/// <summary>Receives the proxy's syslog datagrams on a UDP port and prints each one as it arrives.</summary>
internal sealed class SyslogPrinter : IDisposable
{
    private readonly UdpClient _udp;
    private readonly CancellationTokenSource _stop = new();
    private int _received;

    public SyslogPrinter(IPEndPoint endPoint)
    {
        _udp = new UdpClient(endPoint);
    }

    public int Received => Volatile.Read(ref _received);

    public void Start() => _ = ReceiveLoopAsync();

    public void Dispose()
    {
        _stop.Cancel();
        _udp.Dispose();
        _stop.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var datagram = await _udp.ReceiveAsync(_stop.Token).ConfigureAwait(false);
                Interlocked.Increment(ref _received);
                Console.WriteLine("  syslog  " + Encoding.Latin1.GetString(datagram.Buffer).TrimEnd('\n'));
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
        }
    }
}
