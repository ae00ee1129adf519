using Sprache;

namespace HaproxyNet.Config.Parsing.Lexical;

/// <summary>
/// Sprache parsers for runs of characters that take the whole run in one step: the same results as
/// <c>Parse.Char(p).Many().Text()</c> and <c>AtLeastOnce().Text()</c> without a list, a result and an
/// input per character.
/// </summary>
internal static class Scan
{
    /// <summary>Everything left (<c>Parse.AnyChar.Many().Text()</c>).</summary>
    public static readonly Parser<string> Rest = Many(static _ => true);

    /// <summary>Zero or more characters matching <paramref name="predicate"/>; never fails.</summary>
    public static Parser<string> Many(Func<char, bool> predicate) => input =>
    {
        var end = End(input, predicate);
        return Result.Success(input.Source[input.Position..end], Skip(input, end - input.Position));
    };

    /// <summary>One or more characters matching <paramref name="predicate"/>.</summary>
    public static Parser<string> AtLeastOnce(Func<char, bool> predicate, string description) => input =>
    {
        var end = End(input, predicate);
        return end == input.Position
            ? Result.Failure<string>(input, description + " expected", [description])
            : Result.Success(input.Source[input.Position..end], Skip(input, end - input.Position));
    };

    /// <summary>
    /// One character of <paramref name="set"/> (<c>Parse.Chars</c>); a failure reuses one message instead of
    /// formatting a new one each time.
    /// </summary>
    public static Parser<char> Char(string set, string description)
    {
        string[] expectations = [description];
        var message = description + " expected";
        return input => !input.AtEnd && set.Contains(input.Current, StringComparison.Ordinal)
            ? Result.Success(input.Current, Skip(input, 1))
            : Result.Failure<char>(input, message, expectations);
    }

    /// <summary>
    /// The longest of <paramref name="words"/> found at the input, mapped to its value (an <c>Or</c> of
    /// <c>Parse.String(..).Return(..)</c> tried longest first, without a failed parse per alternative).
    /// </summary>
    public static Parser<T> Word<T>(string description, params (string Text, T Value)[] words)
    {
        ArgumentNullException.ThrowIfNull(words);
        string[] expectations = [description];
        var message = description + " expected";
        var sorted = words.OrderByDescending(w => w.Text.Length).ToArray();
        return input =>
        {
            foreach (var (text, value) in sorted)
            {
                if (input.Position + text.Length <= input.Source.Length
                    && string.CompareOrdinal(input.Source, input.Position, text, 0, text.Length) == 0)
                {
                    return Result.Success(value, Skip(input, text.Length));
                }
            }

            return Result.Failure<T>(input, message, expectations);
        };
    }

    /// <summary>Position just past the run of <paramref name="predicate"/> characters at the input.</summary>
    public static int End(IInput input, Func<char, bool> predicate)
    {
        var src = input.Source;
        var end = input.Position;
        while (end < src.Length && predicate(src[end]))
        {
            end++;
        }

        return end;
    }

    /// <summary>The input <paramref name="count"/> characters further on.</summary>
    public static IInput Skip(IInput input, int count) => count == 0 ? input : LineInput.From(input).Skip(count);
}
