using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using Sprache;

namespace HaproxyNet.Config.Parsing.Lexical;

/// <summary>
/// Splits one physical line into words exactly as 1.4's <c>readcfgfile</c> does: white space separates,
/// an unescaped <c>#</c>, CR or LF ends the line (even mid-word), quotes are ordinary characters and
/// backslash escapes are decoded left to right.
/// </summary>
/// <remarks>Mirrors the word loop of <c>cfgparse.c readcfgfile</c>; the grammar is per piece of word.</remarks>
internal static class ConfigLexer
{
    /// <summary>1.4's MAX_LINE_ARGS.</summary>
    public const int MaxWords = 64;

    /// <summary>C <c>isspace</c> in the C locale.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSpace(char c) => c == ' ' || (c <= '\r' && c >= '\t');

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool EndsLine(char c) => c is '#' or '\r' or '\n';

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    /// <summary>Every character that ends a run of plain word characters: blanks, line ends, <c>#</c>, backslash.</summary>
    private static readonly SearchValues<char> RunEnds = SearchValues.Create(" \t\n\v\f\r#\\");

    private static readonly Parser<char> SimpleEscapeChar = Parse.Chars(" \\#rnt");

    /// <summary>Escapes that stand for one character: <c>\ </c>, <c>\\</c>, <c>\#</c>, <c>\r</c>, <c>\n</c>, <c>\t</c>.</summary>
    private static readonly Parser<LexPiece> SimpleEscape =
        from bs in Parse.Char('\\')
        from c in SimpleEscapeChar
        select new LexPiece(c switch { 'r' => "\r", 'n' => "\n", 't' => "\t", _ => c.ToString() }, 1, false);

    /// <summary><c>\xHH</c>: both hex digits are required (<c>line + 3 &lt; end</c>).</summary>
    private static readonly Parser<LexPiece> HexEscape = input =>
    {
        var src = input.Source;
        var pos = input.Position;
        if (pos + 1 >= src.Length || src[pos] != '\\' || src[pos + 1] != 'x')
        {
            return Result.Failure<LexPiece>(input, "not a hex escape", ["\\x"]);
        }

        if (pos + 3 < src.Length && IsHex(src[pos + 2]) && IsHex(src[pos + 3]))
        {
            var value = (char)Convert.ToByte(src.Substring(pos + 2, 2), 16);
            return Result.Success(new LexPiece(value.ToString(), 3, false), Skip(input, 4));
        }

        // Left untouched: the backslash stays and the 'x' is read as an ordinary character next.
        return Result.Success(new LexPiece("\\", 0, true), input.Advance());
    };

    /// <summary>Any other backslash is kept with the character after it read normally (<c>\1</c>, <c>\.</c>).</summary>
    private static readonly Parser<LexPiece> OtherBackslash =
        Parse.Char('\\').Select(_ => new LexPiece("\\", 0, false));

    /// <summary>What a backslash starts; plain characters and blanks are scanned directly by <see cref="Lex"/>.</summary>
    private static readonly Parser<LexPiece> Escape = SimpleEscape.Or(HexEscape).Or(OtherBackslash);

    private static LineInput Skip(IInput input, int count) => LineInput.From(input).Skip(count);

    private static int SkipSpaces(string line, int pos)
    {
        while (pos < line.Length && IsSpace(line[pos]))
        {
            pos++;
        }

        return pos;
    }

    /// <summary>The word ending at <paramref name="end"/>: the pending plain run, after any unescaped text.</summary>
    private static string TakeWord(string line, int runStart, int end, StringBuilder? current)
    {
        if (current is null || current.Length == 0)
        {
            return line[runStart..end];
        }

        current.Append(line, runStart, end - runStart);
        var word = current.ToString();
        current.Clear();
        return word;
    }

    /// <summary>Splits <paramref name="line"/> (one fgets chunk) into words.</summary>
    public static LexResult Lex(string line)
    {
        var words = new List<string>(8); // a server line has about 10 words; most lines fewer
        List<string?>? badHexFirstWord = null;
        StringBuilder? current = null; // only once a word holds an escape
        var pos = SkipSpaces(line, 0); // leading white space, LF and CR included
        var runStart = pos;
        var shrink = 0;
        var wordStartShrink = 0;
        string? overflowRest = null;
        var overflowPosition = 0;

        while (pos < line.Length)
        {
            var c = line[pos];
            if (c == '\\')
            {
                current ??= new StringBuilder();
                current.Append(line, runStart, pos - runStart);
                var piece = Escape(new LineInput(line).Skip(pos));
                var value = piece.Value;
                if (value.BadHex)
                {
                    // 1.4 prints args[0]; inside the first word it is not cut yet and runs to the end of the line
                    (badHexFirstWord ??= []).Add(words.Count == 0 ? current + line[pos..] : null);
                }

                current.Append(value.Text);
                shrink += value.Shrink;
                pos = piece.Remainder.Position;
                runStart = pos;
                continue;
            }

            if (c > ' ' && c != '#')
            {
                // The common case: a plain character of a word; skip to the end of the run at once.
                var run = line.AsSpan(pos + 1).IndexOfAny(RunEnds);
                pos = run < 0 ? line.Length : pos + 1 + run;
                continue;
            }

            if (EndsLine(c))
            {
                break;
            }

            if (!IsSpace(c))
            {
                pos++;
                continue;
            }

            words.Add(TakeWord(line, runStart, pos, current));
            pos = SkipSpaces(line, pos);
            runStart = pos;
            wordStartShrink = shrink;
            if (words.Count >= MaxWords)
            {
                if (pos < line.Length)
                {
                    var end = pos;
                    while (end < line.Length && line[end] != '#' && line[end] != '\n')
                    {
                        end++;
                    }

                    overflowRest = line[pos..end];
                    overflowPosition = pos - wordStartShrink + 1;
                }

                break;
            }
        }

        if (words.Count < MaxWords)
        {
            words.Add(TakeWord(line, runStart, pos, current));
        }

        // 1.4 leaves an empty last argument after trailing blanks; it is indistinguishable from "absent".
        while (words.Count > 0 && words[^1].Length == 0)
        {
            words.RemoveAt(words.Count - 1);
        }

        if (badHexFirstWord is null)
        {
            return new LexResult(words, [], overflowRest, overflowPosition);
        }

        var badHex = new string[badHexFirstWord.Count];
        for (var i = 0; i < badHex.Length; i++)
        {
            badHex[i] = badHexFirstWord[i] ?? words[0];
        }

        return new LexResult(words, badHex, overflowRest, overflowPosition);
    }
}
