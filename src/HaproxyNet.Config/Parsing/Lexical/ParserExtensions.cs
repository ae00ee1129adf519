using Sprache;

namespace HaproxyNet.Config.Parsing.Lexical;

/// <summary>Sprache's <c>TryParse</c>/<c>Parse</c> over a <see cref="LineInput"/> instead of Sprache's <c>Input</c>.</summary>
/// <remarks>Same results; only the per-character memo dictionaries are gone.</remarks>
internal static class ParserExtensions
{
    public static IResult<T> TryParseText<T>(this Parser<T> parser, string text) => parser(new LineInput(text));

    public static T ParseText<T>(this Parser<T> parser, string text)
    {
        var result = parser(new LineInput(text));
        return result.WasSuccessful ? result.Value : throw new ParseException(result.ToString());
    }
}
