using System.Text;

namespace HaproxyNet.Config.Parsing.Lexical;

/// <summary>Cuts a file into the chunks 1.4's <c>fgets</c> with a 2048-byte buffer returns.</summary>
/// <remarks>
/// A physical line of 2047 bytes or more comes back in several chunks, each counted as a line by
/// <c>readcfgfile</c>; bytes map one to one to chars (Latin-1) so <c>\xHH</c> bytes survive.
/// </remarks>
internal static class LineChunker
{
    /// <summary>Usable bytes of 1.4's line buffer.</summary>
    public const int Limit = 2047;

    public static IEnumerable<string> Chunks(byte[] content)
    {
        var text = Encoding.Latin1.GetString(content);
        var pos = 0;
        while (pos < text.Length)
        {
            var nl = text.IndexOf('\n', pos);
            var lineEnd = nl < 0 ? text.Length : nl + 1;
            var len = Math.Min(lineEnd - pos, Limit);
            yield return text.Substring(pos, len);
            pos += len;
        }
    }

    /// <summary>True when 1.4 reports <c>line too long</c> for this chunk.</summary>
    public static bool IsTooLong(string chunk) => chunk.Length == Limit && chunk[^1] != '\n';
}
