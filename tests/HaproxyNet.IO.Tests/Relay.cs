using HaproxyNet.Core.Ports;

namespace HaproxyNet.IO.Tests;

/// <summary>
/// A minimal TCP proxy session on the ports, the way the engine drives them: accept, non-blocking connect,
/// connect completion through writability + SO_ERROR, relay both ways, half-close forwarding, close.
/// </summary>
internal sealed class Relay
{
    private readonly IConnection _client;
    private IConnection? _server;
    private Pipe? _request;
    private Pipe? _response;

    public Relay(INetwork network, IConnection client, System.Net.IPEndPoint backend)
    {
        _client = client;
        _server = network.Connect(backend, null, out var status, out var errno);
        ConnectStatus = status;
        ConnectErrno = errno;
        if (_server is null)
        {
            Close();
            return;
        }

        _server.Handler = new Callbacks(OnServerReadable, OnServerWritable);
        _server.SetInterest(false, true);
        _client.Handler = new Callbacks(OnClientReadable, OnClientWritable);
        _client.SetInterest(false, false);
    }

    public ConnectStatus ConnectStatus { get; }

    public int ConnectErrno { get; private set; }

    public bool Connected { get; private set; }

    public bool Closed { get; private set; }

    public long BytesToServer => _request?.Forwarded ?? 0;

    public long BytesToClient => _response?.Forwarded ?? 0;

    private void OnServerWritable()
    {
        if (!Connected)
        {
            var error = _server!.TakeSocketError();
            if (error != 0)
            {
                ConnectErrno = error;
                Close();
                return;
            }

            Connected = true;
            _request = new Pipe(_client, _server);
            _response = new Pipe(_server, _client);
        }
        else
        {
            _request!.Flush();
        }

        Update();
    }

    private void OnServerReadable()
    {
        _response?.Read();
        Update();
    }

    private void OnClientReadable()
    {
        _request?.Read();
        Update();
    }

    private void OnClientWritable()
    {
        _response?.Flush();
        Update();
    }

    private void Update()
    {
        if (Closed || _request is null || _response is null)
        {
            return;
        }

        if ((_request.Done && _response.Done) || _request.Failed || _response.Failed)
        {
            Close();
            return;
        }

        _client.SetInterest(_request.WantsRead, _response.WantsWrite);
        _server!.SetInterest(_response.WantsRead, _request.WantsWrite);
    }

    private void Close()
    {
        Closed = true;
        _client.Close();
        _server?.Close();
    }

    private sealed class Callbacks(Action read, Action write) : IIoHandler
    {
        public void OnReadable() => read();

        public void OnWritable() => write();
    }
}
