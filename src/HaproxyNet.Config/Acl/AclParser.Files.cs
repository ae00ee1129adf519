using System.Text;

namespace HaproxyNet.Config.Acl;

public static partial class AclParser
{
    /// <summary>1.4 reads pattern files with <c>fgets</c> into its BUFSIZE (16384) trash buffer.</summary>
    private const int FgetsChunk = 16384 - 1;

    /// <summary>
    /// <c>acl_read_patterns_from_file</c>: one value per line. A line starting with <c>#</c> (first byte, before
    /// any blank) is skipped; leading spaces and tabs are stripped; the value ends at the first CR, LF or NUL
    /// (inner and trailing spaces are kept); empty values are skipped. A line longer than 16383 bytes is cut and
    /// its rest read as another line, as <c>fgets</c> does. Any bad value fails the whole ACL.
    /// </summary>
    private static bool TryReadPatternFile(
        AclCriterion criterion, string path, bool ignoreCase, AclParseContext context, List<AclPattern> patterns)
    {
        if (path.Length == 0 || !context.Environment.TryReadFile(path, out var content, out _))
        {
            return false;
        }

        var state = new ValueParserState();
        var one = new string[1];
        var pos = 0;
        while (pos < content.Length)
        {
            // fgets: up to and including '\n', at most FgetsChunk bytes.
            var lineEnd = pos;
            while (lineEnd < content.Length && lineEnd - pos < FgetsChunk)
            {
                if (content[lineEnd++] == (byte)'\n')
                {
                    break;
                }
            }

            var start = pos;
            pos = lineEnd;
            if (content[start] == (byte)'#')
            {
                continue;
            }

            while (start < lineEnd && (content[start] == (byte)' ' || content[start] == (byte)'\t'))
            {
                start++;
            }

            var end = start;
            while (end < lineEnd && content[end] != 0 && content[end] != (byte)'\n' && content[end] != (byte)'\r')
            {
                end++;
            }

            if (end == start)
            {
                continue;
            }

            one[0] = Encoding.Latin1.GetString(content, start, end - start);
            var words = new WordCursor(one, 0, 1);
            if (TryParseValue(criterion, ref words, ignoreCase, fromFile: true, ref state, context, patterns) == 0)
            {
                return false;
            }
        }

        return true;
    }
}
