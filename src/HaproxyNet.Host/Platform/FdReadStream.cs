namespace HaproxyNet.Host.Platform;

/// <summary>A read-only stream over a file descriptor opened with libc <c>open</c>.</summary>
/// <remarks>
/// 1.4 reads its configuration with <c>fgets</c>, which treats a read error (EISDIR for a directory) as
/// the end of the file; this stream does the same, so <c>-f /etc</c> behaves like an empty file.
/// </remarks>
internal sealed class FdReadStream : Stream
{
    private int _fd;

    public FdReadStream(int fd) => _fd = fd;

    public override bool CanRead => _fd >= 0;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override unsafe int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_fd < 0, this);
        if (buffer.IsEmpty)
        {
            return 0;
        }

        fixed (byte* p = buffer)
        {
            while (true)
            {
                var n = Libc.Read(_fd, p, buffer.Length);
                if (n >= 0)
                {
                    return (int)n;
                }

                if (System.Runtime.InteropServices.Marshal.GetLastPInvokeError() != Libc.EINTR)
                {
                    return 0;
                }
            }
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (_fd >= 0)
        {
            _ = Libc.Close(_fd);
            _fd = -1;
        }

        base.Dispose(disposing);
    }
}
