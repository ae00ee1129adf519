using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace HaproxyNet.Config.Acl;

/// <summary>
/// A POSIX extended regular expression as 1.4 compiles it (<c>regcomp(REG_EXTENDED [| REG_ICASE])</c> of glibc),
/// translated to an equivalent .NET <see cref="System.Text.RegularExpressions.Regex"/>.
/// </summary>
/// <remarks>
/// <para>What glibc rejects is rejected here (the caller then prints 1.4's <c>bad regular expression</c> or
/// <c>error detected while parsing ACL</c>): an unclosed <c>(</c> or <c>[</c>, a repetition with nothing to repeat
/// (<c>*a</c>, <c>a|+b</c>, <c>(?</c>, <c>^*</c>), any malformed <c>{</c> interval, a reversed range, an unknown
/// character class, a back-reference to a group not yet closed, a trailing backslash.</para>
/// <para>ERE syntax is translated, never passed through. glibc's GNU operators are on: <c>\w \W \s \S</c> are
/// ASCII word/space classes and <c>\b \B \&lt; \&gt; \` \'</c> are anchors; any other escaped character is
/// itself (<c>\d</c> is the letter d, <c>\|</c> a pipe, <c>\n</c> the letter n); inside brackets a backslash is an
/// ordinary character. A lone <c>)</c> is literal. <c>*?</c> and <c>+?</c> are stacked greedy repetitions, never
/// lazy ones. Under REG_ICASE only ASCII letters fold (C locale), and bracket ranges are upper-cased first as
/// glibc does (<c>[_-a]</c> becomes the invalid range <c>_-A</c>), while an escaped letter keeps its case
/// (<c>\A</c> matches a and A, <c>\a</c> matches nothing). A NUL ends the expression, as in a C string.
/// Accept/reject and match answers are checked against recorded glibc 2.36 verdicts.</para>
/// <para>Matching: ACLs only ask "does it match anywhere" (unanchored search), for which leftmost-longest (POSIX)
/// and leftmost-first (.NET backtracking) agree. They can disagree on WHICH text a group captured when an
/// alternation or a quantifier could match several lengths at the same start (<c>(a|ab)</c> on "ab" captures
/// "ab" in POSIX, "a" in .NET); empty alternatives are tried last to narrow the gap. See <see cref="TryReplace(string, PosixReplacement, out string?)"/>
/// for the consequence on <c>reqrep</c>/<c>rsprep</c>.</para>
/// </remarks>
public sealed partial class PosixRegex
{
    private readonly Regex _matcher;

    private PosixRegex(string pattern, bool ignoreCase, Regex compiled, Regex matcher, int groupCount)
    {
        Pattern = pattern;
        IgnoreCase = ignoreCase;
        Compiled = compiled;
        _matcher = matcher;
        GroupCount = groupCount;
    }

    /// <summary>The expression as written in the configuration.</summary>
    public string Pattern { get; }

    /// <summary>REG_ICASE: compiled from <c>-i</c> or a <c>req</c><b>i</b><c>*</c> keyword.</summary>
    public bool IgnoreCase { get; }

    /// <summary>The translated .NET regex (culture-invariant, no backtracking surprises from .NET-only syntax).</summary>
    public Regex Compiled { get; }

    /// <summary>Number of capturing groups (<c>re_nsub</c>).</summary>
    public int GroupCount { get; }

    /// <summary>Compiles <paramref name="pattern"/> as glibc <c>regcomp</c> with REG_EXTENDED would.</summary>
    /// <returns>False when glibc would reject the expression.</returns>
    public static bool TryCompile(string pattern, bool ignoreCase, [NotNullWhen(true)] out PosixRegex? regex)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        regex = null;

        // regcomp receives a C string: a NUL (from a \x00 escape) ends the expression.
        var nul = pattern.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            pattern = pattern[..nul];
        }

        if (!PosixRegexTranslator.TryTranslate(pattern, ignoreCase, out var translated, out var groups))
        {
            return false;
        }

        // Case folding is done by the translator (ASCII only, as glibc in the C locale), never by .NET.
        const RegexOptions options = RegexOptions.CultureInvariant | RegexOptions.Singleline;

        Regex compiled;
        try
        {
            compiled = new Regex(translated, options);
        }
        catch (ArgumentException)
        {
            return false;
        }

        // glibc never backtracks exponentially; .NET's backtracking engine can ("(a*)*b"). For the yes/no
        // question ACLs ask, use the linear-time engine whenever the translation allows it (no
        // back-references, no word-boundary lookarounds).
        Regex matcher;
        try
        {
            matcher = new Regex(translated, options | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            matcher = compiled;
        }

        regex = new PosixRegex(pattern, ignoreCase, compiled, matcher, groups);
        return true;
    }

    /// <summary><c>regexec</c> without captures: whether the expression matches anywhere in <paramref name="input"/>.</summary>
    /// <remarks>Linear-time (non-backtracking) unless the expression uses back-references or GNU word anchors.</remarks>
    public bool IsMatch(ReadOnlySpan<char> input) => _matcher.IsMatch(input);

    /// <summary>Whether <see cref="IsMatch"/> runs on .NET's non-backtracking engine.</summary>
    public bool IsLinearTime => (_matcher.Options & RegexOptions.NonBacktracking) != 0;

    /// <summary>
    /// <c>regexec</c> with up to 10 captures, then <c>exp_replace</c>: when the expression matches
    /// <paramref name="input"/>, <paramref name="result"/> is the replacement expanded against the match (it
    /// replaces the whole input line in 1.4's <c>reqrep</c>/<c>rsprep</c>).
    /// </summary>
    /// <remarks>
    /// The match position is the same as glibc's (leftmost); the extent of the match and of each group may differ
    /// from POSIX leftmost-longest when an alternation's earlier branch is a prefix of a later one
    /// (<c>(a|ab)c?</c>) or when a quantified group could stop earlier: .NET keeps the first alternative that
    /// lets the whole expression match, POSIX the longest overall match. Configs that rely on such ambiguity are
    /// rare; unambiguous expressions (the usual <c>^([^\ ]*)\ /old/(.*)</c> style) give identical results.
    /// </remarks>
    public bool TryReplace(string input, PosixReplacement replacement, [NotNullWhen(true)] out string? result)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(replacement);
        result = null;
        var match = Compiled.Match(input);
        if (!match.Success)
        {
            return false;
        }

        Span<(int Start, int Length)> groups = stackalloc (int, int)[10];
        for (var i = 0; i < groups.Length; i++)
        {
            var g = i < match.Groups.Count ? match.Groups[i] : null;
            groups[i] = g is { Success: true } ? (g.Index, g.Length) : (-1, 0);
        }

        result = replacement.Expand(input, groups);
        return true;
    }

    /// <summary>
    /// <see cref="TryReplace(string, PosixReplacement, out string?)"/> on a span, expanded into Latin-1 bytes: the
    /// same match (the same engine and expression) and the same expansion. When the replacement refers to no group
    /// beyond <c>\0</c>, only the match's extent is needed and nothing is allocated (the span enumerator reuses the
    /// engine's state); a reference to <c>\1</c>..<c>\9</c> needs .NET's <see cref="Match"/> (captures exist only
    /// there, on a string), so that case allocates the line's string and the match when it matches.
    /// </summary>
    /// <param name="written">The bytes written, or -1 when <paramref name="destination"/> is too small.</param>
    /// <returns>False when the expression does not match.</returns>
    public bool TryReplace(ReadOnlySpan<char> input, PosixReplacement replacement, Span<byte> destination, out int written)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        written = 0;
        Span<(int Start, int Length)> groups = stackalloc (int, int)[10];
        groups.Fill((-1, 0));
        if (replacement.MaxGroupReference <= 0)
        {
            var matches = Compiled.EnumerateMatches(input);
            if (!matches.MoveNext())
            {
                return false;
            }

            groups[0] = (matches.Current.Index, matches.Current.Length);
        }
        else
        {
            var match = Compiled.Match(input.ToString());
            if (!match.Success)
            {
                return false;
            }

            var all = match.Groups;
            var count = Math.Min(Math.Min(all.Count, groups.Length), replacement.MaxGroupReference + 1);
            for (var i = 0; i < count; i++)
            {
                var g = all[i];
                groups[i] = g.Success ? (g.Index, g.Length) : (-1, 0);
            }
        }

        written = replacement.Expand(input, groups, destination);
        return true;
    }

    public override string ToString() => Pattern;
}
