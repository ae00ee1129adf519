namespace HaproxyNet.Config.Parsing.Lexical;

/// <summary>A piece of a word: literal text plus how many source characters the escape removed.</summary>
/// <param name="Text">The characters the piece contributes to the word.</param>
/// <param name="Shrink">Source characters dropped by unescaping (1.4 memmoves the line).</param>
/// <param name="BadHex">True for a <c>\x</c> without two hex digits (an alert in 1.4).</param>
internal readonly record struct LexPiece(string Text, int Shrink, bool BadHex);
