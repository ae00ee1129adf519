using Sprache;

namespace HaproxyNet.Config.Parsing;

/// <summary>
/// The <c>from ... from ... select</c> combinator for the config grammars, found before Sprache's own
/// because this namespace encloses the grammar files (C# looks extension methods up from the innermost namespace out).
/// </summary>
/// <remarks>
/// Sprache's <c>SelectMany</c> builds a <c>Then</c>/<c>Select</c> parser pair on every parse; this one runs both
/// parsers directly, with the same results and failure positions. Keep the second parser a static field
/// (not an expression built inside the query), or it is rebuilt on every call all the same.
/// </remarks>
internal static class ParserQuery
{
    public static Parser<TResult> SelectMany<T, TNext, TResult>(
        this Parser<T> parser, Func<T, Parser<TNext>> selector, Func<T, TNext, TResult> projector)
    {
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(projector);
        return input =>
        {
            var first = parser(input);
            if (!first.WasSuccessful)
            {
                return Result.Failure<TResult>(first.Remainder, first.Message, first.Expectations);
            }

            var second = selector(first.Value)(first.Remainder);
            return second.WasSuccessful
                ? Result.Success(projector(first.Value, second.Value), second.Remainder)
                : Result.Failure<TResult>(second.Remainder, second.Message, second.Expectations);
        };
    }
}
