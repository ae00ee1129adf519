using System.Diagnostics.CodeAnalysis;
using System.Text;
using HaproxyNet.Config.Environment;

namespace HaproxyNet.Config.Acl;

/// <summary>
/// The replacement string of <c>reqrep</c>/<c>reqirep</c>/<c>rsprep</c>/<c>rspirep</c>: literal text with
/// <c>\0</c>..<c>\9</c> (the match and its groups) and <c>\xHH</c> (a byte).
/// </summary>
/// <remarks>
/// Validation mirrors <c>check_replace_string</c> and expansion <c>exp_replace</c> (regex.c). 1.4 replaces the
/// WHOLE header line (or request/status line) with the expansion, not only the matched part: <c>\0</c> is how
/// the matched text is kept.
/// </remarks>
public sealed class PosixReplacement
{
    private PosixReplacement(string text)
    {
        Text = text;
        MaxGroupReference = HighestReference(text);
    }

    /// <summary>The replacement as written (after config-line unescaping).</summary>
    public string Text { get; }

    /// <summary>
    /// The highest <c>\n</c> the replacement refers to (0 for <c>\0</c> alone), or -1 when it refers to none: with
    /// at most <c>\0</c> the extent of the match is all an expansion needs, no capture groups.
    /// </summary>
    public int MaxGroupReference { get; }

    /// <summary>
    /// Validates <paramref name="text"/>. A backslash followed by something other than a digit or <c>x</c> is
    /// accepted with 1.4's warning <c>'\c' : deprecated use of a backslash before something not '\','x' or a digit.</c>
    /// (printed even for <c>\\</c>; no <c>parsing [file:line]</c> prefix).
    /// </summary>
    /// <param name="text">Replacement string.</param>
    /// <param name="sink">Receives the deprecation warnings, in order.</param>
    /// <param name="replacement">The validated replacement.</param>
    /// <param name="errorChar">
    /// On failure, the character 1.4 reports in <c>invalid character or unterminated sequence in replacement
    /// string near '%c'.</c> (always the backslash that starts the bad sequence: a trailing <c>\</c> or a
    /// <c>\x</c> not followed by two hex digits).
    /// </param>
    public static bool TryParse(
        string text,
        IDiagnosticSink sink,
        [NotNullWhen(true)] out PosixReplacement? replacement,
        out char errorChar)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sink);
        replacement = null;
        errorChar = '\0';
        var s = CString(text);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != '\\')
            {
                continue;
            }

            i++;
            if (i >= s.Length)
            {
                errorChar = '\\';
                return false;
            }

            if (char.IsAsciiDigit(s[i]))
            {
                continue;
            }

            if (s[i] == 'x')
            {
                if (i + 1 >= s.Length || !char.IsAsciiHexDigit(s[i + 1]) || i + 2 >= s.Length || !char.IsAsciiHexDigit(s[i + 2]))
                {
                    errorChar = '\\';
                    return false;
                }

                i += 2;
                continue;
            }

            sink.Warning($"'\\{s[i]}' : deprecated use of a backslash before something not '\\','x' or a digit.\n");
        }

        replacement = new PosixReplacement(s);
        return true;
    }

    /// <summary>
    /// <c>exp_replace</c>: builds the new line. <paramref name="groups"/>[n] is the (start, length) of group n
    /// in <paramref name="source"/> (n = 0 is the whole match), or a negative start when the group did not
    /// participate; references beyond the array insert nothing.
    /// </summary>
    public string Expand(ReadOnlySpan<char> source, ReadOnlySpan<(int Start, int Length)> groups)
    {
        var sb = new StringBuilder(Text.Length + source.Length);
        var s = Text;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c != '\\' || i + 1 >= s.Length)
            {
                sb.Append(c);
                continue;
            }

            var next = s[++i];
            if (char.IsAsciiDigit(next))
            {
                var n = next - '0';
                if (n < groups.Length && groups[n].Start >= 0)
                {
                    sb.Append(source.Slice(groups[n].Start, groups[n].Length));
                }
            }
            else if (next == 'x' && i + 2 < s.Length)
            {
                sb.Append((char)((HexValue(s[i + 1]) << 4) + HexValue(s[i + 2])));
                i += 2;
            }
            else
            {
                sb.Append(next);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// <c>exp_replace</c> into bytes, as <see cref="Expand(ReadOnlySpan{char}, ReadOnlySpan{ValueTuple{int, int}})"/>
    /// followed by a Latin-1 encoding (a char above 0xFF, which only a non-Latin-1 config text can hold, becomes
    /// <c>?</c>): nothing allocated.
    /// </summary>
    /// <returns>The bytes written, or -1 when <paramref name="destination"/> is too small.</returns>
    public int Expand(ReadOnlySpan<char> source, ReadOnlySpan<(int Start, int Length)> groups, Span<byte> destination)
    {
        var s = Text;
        var n = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '\\' && i + 1 < s.Length)
            {
                var next = s[++i];
                if (char.IsAsciiDigit(next))
                {
                    var g = next - '0';
                    if (g < groups.Length && groups[g].Start >= 0)
                    {
                        var part = source.Slice(groups[g].Start, groups[g].Length);
                        if (n + part.Length > destination.Length)
                        {
                            return -1;
                        }

                        for (var k = 0; k < part.Length; k++)
                        {
                            destination[n++] = Latin1(part[k]);
                        }
                    }

                    continue;
                }

                if (next == 'x' && i + 2 < s.Length)
                {
                    c = (char)((HexValue(s[i + 1]) << 4) + HexValue(s[i + 2]));
                    i += 2;
                }
                else
                {
                    c = next;
                }
            }

            if (n >= destination.Length)
            {
                return -1;
            }

            destination[n++] = Latin1(c);
        }

        return n;
    }

    /// <summary>An upper bound of the bytes <see cref="Expand(ReadOnlySpan{char}, ReadOnlySpan{ValueTuple{int, int}}, Span{byte})"/> writes for a source of <paramref name="sourceLength"/> chars.</summary>
    public int MaxExpandedLength(int sourceLength) => Text.Length + (CountReferences(Text) * sourceLength);

    public override string ToString() => Text;

    private static byte Latin1(char c) => c <= '\u00FF' ? (byte)c : (byte)'?';

    private static int HighestReference(string s)
    {
        var max = -1;
        for (var i = 0; i + 1 < s.Length; i++)
        {
            if (s[i] == '\\')
            {
                if (char.IsAsciiDigit(s[i + 1]))
                {
                    max = Math.Max(max, s[i + 1] - '0');
                }

                i++;
            }
        }

        return max;
    }

    private static int CountReferences(string s)
    {
        var count = 0;
        for (var i = 0; i + 1 < s.Length; i++)
        {
            if (s[i] == '\\')
            {
                if (char.IsAsciiDigit(s[i + 1]))
                {
                    count++;
                }

                i++;
            }
        }

        return count;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static string CString(string word)
    {
        var nul = word.IndexOf('\0', StringComparison.Ordinal);
        return nul < 0 ? word : word[..nul];
    }
}
