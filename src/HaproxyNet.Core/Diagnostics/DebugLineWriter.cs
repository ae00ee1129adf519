using System.Globalization;
using System.Net;

namespace HaproxyNet.Core.Diagnostics;

/// <summary>Builds one <c>-d</c> debug line as bytes in a caller-provided span, without allocating.</summary>
/// <remarks>Silently truncates when full; callers size the span for the longest line they write.</remarks>
public ref struct DebugLineWriter
{
    private readonly Span<byte> _buffer;
    private int _pos;

    public DebugLineWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        _pos = 0;
    }

    /// <summary>The bytes written so far.</summary>
    public readonly ReadOnlySpan<byte> Written => _buffer[.._pos];

    public void Append(byte b)
    {
        if (_pos < _buffer.Length)
        {
            _buffer[_pos++] = b;
        }
    }

    /// <summary>Raw bytes (a literal such as <c>".accept("u8</c>, or received header bytes).</summary>
    public void Append(scoped ReadOnlySpan<byte> bytes)
    {
        var n = Math.Min(bytes.Length, _buffer.Length - _pos);
        bytes[..n].CopyTo(_buffer[_pos..]);
        _pos += n;
    }

    /// <summary>A name held one char per byte (how HaproxyNet keeps configuration bytes in strings).</summary>
    public void AppendLatin1(string text)
    {
        foreach (var c in text)
        {
            Append(c <= '\u00ff' ? (byte)c : (byte)'?');
        }
    }

    /// <summary>Lower-case hexadecimal, zero-padded to 4 or 8 digits (<c>%04x</c>, <c>%08x</c>).</summary>
    public void AppendHex(uint value, int digits)
    {
        if (value.TryFormat(_buffer[_pos..], out var n, digits == 8 ? "x8" : "x4", CultureInfo.InvariantCulture))
        {
            _pos += n;
        }
    }

    /// <summary><c>%04x</c> of <c>(unsigned short)fd</c>: -1 prints <c>ffff</c>.</summary>
    public void AppendFd(int fd) => AppendHex((ushort)fd, 4);

    /// <summary>Decimal (<c>%d</c>).</summary>
    public void Append(int value)
    {
        if (value.TryFormat(_buffer[_pos..], out var n, default, CultureInfo.InvariantCulture))
        {
            _pos += n;
        }
    }

    /// <summary>inet_ntop text (<see cref="InetNtop"/>): no brackets, no <c>%scope</c>.</summary>
    public void Append(IPAddress address)
    {
        Span<char> text = stackalloc char[InetNtop.MaxLength];
        var n = InetNtop.Format(address, text);
        foreach (var c in text[..n])
        {
            Append((byte)c);
        }
    }
}
