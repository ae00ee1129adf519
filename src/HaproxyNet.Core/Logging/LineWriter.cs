using System.Net;

namespace HaproxyNet.Core.Logging;

/// <summary>Appends log text into a caller-provided span without allocating (silently truncates when full).</summary>
public ref struct LineWriter
{
    private readonly Span<char> _buffer;
    private int _pos;

    public LineWriter(Span<char> buffer)
    {
        _buffer = buffer;
        _pos = 0;
    }

    /// <summary>The text written so far.</summary>
    public readonly ReadOnlySpan<char> Written => _buffer[.._pos];

    public readonly int Length => _pos;

    public void Append(char c)
    {
        if (_pos < _buffer.Length)
        {
            _buffer[_pos++] = c;
        }
    }

    public void Append(scoped ReadOnlySpan<char> text)
    {
        var n = Math.Min(text.Length, _buffer.Length - _pos);
        text[..n].CopyTo(_buffer[_pos..]);
        _pos += n;
    }

    public void Append(string text) => Append(text.AsSpan());

    public void Append(long value)
    {
        if (value.TryFormat(_buffer[_pos..], out var n, default, System.Globalization.CultureInfo.InvariantCulture))
        {
            _pos += n;
        }
    }

    /// <summary>Zero-padded decimal on <paramref name="width"/> digits (%02d, %03d, %04d).</summary>
    public void AppendPadded(int value, int width)
    {
        if (value.TryFormat(_buffer[_pos..], out var n, width == 2 ? "D2" : width == 3 ? "D3" : "D4", System.Globalization.CultureInfo.InvariantCulture))
        {
            _pos += n;
        }
    }

    /// <summary>glibc's inet_ntop text (IPv6 without brackets or scope), as 1.4's log lines print addresses.</summary>
    public void Append(IPAddress address)
    {
        Span<char> text = stackalloc char[Diagnostics.InetNtop.MaxLength];
        var n = Diagnostics.InetNtop.Format(address, text);
        if (text[..n].TryCopyTo(_buffer[_pos..]))
        {
            _pos += n;
        }
    }
}
