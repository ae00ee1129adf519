namespace HaproxyNet.Config.Parsing.Lexical;

/// <summary>One statement after 1.4's word splitting and unescaping.</summary>
/// <param name="LineNumber">1-based line number as 1.4 counts it (long lines shift it).</param>
/// <param name="Words">The words, at most 64; the modifier word is already removed.</param>
/// <param name="Modifier">The <c>no</c>/<c>default</c> prefix, if any.</param>
public sealed record LexedLine(int LineNumber, IReadOnlyList<string> Words, KeywordModifier Modifier)
{
    // The reader hands over the lexer's List: indexed directly, without an interface call per word (-c profile).
    private readonly List<string>? _list = Words as List<string>;

    /// <summary>Word <paramref name="index"/>, or the empty string past the end (1.4 pads args with "").</summary>
    public string this[int index]
    {
        get
        {
            if (_list is { } list)
            {
                return (uint)index < (uint)list.Count ? list[index] : string.Empty;
            }

            return index < Words.Count ? Words[index] : string.Empty;
        }
    }
}
