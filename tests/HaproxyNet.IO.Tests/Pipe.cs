using HaproxyNet.Core.Ports;

namespace HaproxyNet.IO.Tests;

/// <summary>
/// One direction of a relay (1.4's buffer between two stream interfaces): reads from <c>From</c>, writes to
/// <c>To</c>, forwards end of stream as a shutdown of the write side.
/// </summary>
internal sealed class Pipe
{
    private readonly byte[] _buffer = new byte[16384];
    private int _start;
    private int _end;

    public Pipe(IConnection from, IConnection to)
    {
        From = from;
        To = to;
    }

    public IConnection From { get; }

    public IConnection To { get; }

    public bool SawEnd { get; private set; }

    public bool Failed { get; private set; }

    public bool Done => (SawEnd && _start == _end) || Failed;

    public long Forwarded { get; private set; }

    public bool WantsRead => !Done && !SawEnd && _end < _buffer.Length;

    public bool WantsWrite => !Done && _start < _end;

    /// <summary>Reads what the buffer can take; returns true if something changed.</summary>
    public void Read()
    {
        while (!SawEnd && _end < _buffer.Length)
        {
            var n = From.Receive(_buffer.AsSpan(_end), out var status);
            if (status == IoStatus.Ok)
            {
                _end += n;
                continue;
            }

            if (status == IoStatus.EndOfStream)
            {
                SawEnd = true;
            }
            else if (status == IoStatus.Error)
            {
                Failed = true;
            }

            break;
        }

        Flush();
    }

    /// <summary>Sends what is buffered; forwards the end of stream once everything is out.</summary>
    public void Flush()
    {
        while (_start < _end)
        {
            var n = To.Send(_buffer.AsSpan(_start, _end - _start), out var status);
            if (status != IoStatus.Ok)
            {
                Failed |= status == IoStatus.Error;
                return;
            }

            _start += n;
            Forwarded += n;
        }

        _start = _end = 0;
        if (SawEnd)
        {
            To.ShutdownWrite();
        }
    }
}
