using System.Globalization;
using System.Text;

namespace HaproxyNet.Testing.Http;

/// <summary>
/// One generated client payload: one request, or several pipelined, as the exact bytes to send. <see cref="Label"/>
/// names every choice made (e.g. <c>POST uri=query ver=1.1 eol=lf hdr=fold body=chunked-ext</c>) so a failure says
/// what shape it was; <see cref="Seed"/> and <see cref="Index"/> regenerate it.
/// </summary>
public sealed record GeneratedRequest(int Seed, int Index, byte[] Bytes, string Label)
{
    /// <summary>The bytes as a C#-style string literal body (CR, LF, TAB, NUL, quotes and bytes outside 0x20-0x7E escaped), cut after <paramref name="max"/> bytes.</summary>
    public string Escaped(int max = 4096) => Escape(Bytes, max);

    public static string Escape(ReadOnlySpan<byte> bytes, int max = 4096)
    {
        var text = new StringBuilder(Math.Min(bytes.Length, max) + 16);
        var n = Math.Min(bytes.Length, max);
        for (var i = 0; i < n; i++)
        {
            var b = bytes[i];
            switch (b)
            {
                case (byte)'\r': text.Append("\\r"); break;
                case (byte)'\n': text.Append("\\n"); break;
                case (byte)'\t': text.Append("\\t"); break;
                case (byte)'\\': text.Append("\\\\"); break;
                case (byte)'"': text.Append("\\\""); break;
                default:
                    if (b is < 0x20 or > 0x7E)
                    {
                        text.Append("\\x").Append(b.ToString("X2", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append((char)b);
                    }

                    break;
            }
        }

        if (bytes.Length > max)
        {
            text.Append(CultureInfo.InvariantCulture, $"...(+{bytes.Length - max} bytes)");
        }

        return text.ToString();
    }
}
