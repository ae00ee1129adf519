namespace HaproxyNet.Config.Parsing.Lexical;

/// <summary>Words of one line plus the lexical faults 1.4 reports for it.</summary>
/// <param name="Words">Unescaped words (at most 64), trailing empty words removed.</param>
/// <param name="BadHex">For each incomplete <c>\x</c> escape (one alert each), the text 1.4 prints as the first word.</param>
/// <param name="OverflowRest">Text from the 65th word to the end of line or <c>#</c>, when the line had too many words.</param>
/// <param name="OverflowPosition">1-based column of the 65th word.</param>
internal sealed record LexResult(IReadOnlyList<string> Words, IReadOnlyList<string> BadHex, string? OverflowRest, int OverflowPosition);
