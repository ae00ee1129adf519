using Sprache;

namespace HaproxyNet.Config.Parsing.Lexical;

/// <summary>
/// A Sprache input that allocates its memo table only when a memoized parser asks for it, and can skip a
/// run of characters in one step.
/// </summary>
/// <remarks>
/// Sprache's own <c>Input</c> builds a dictionary on every <c>Advance()</c>: for a 5,000-line file that was
/// most of the parser's allocations. Line and column are tracked as Sprache does.
/// </remarks>
internal sealed class LineInput : IInput
{
    private IDictionary<object, object>? _memos;

    public LineInput(string source)
        : this(source, 0, 1, 1)
    {
    }

    private LineInput(string source, int position, int line, int column)
    {
        Source = source;
        Position = position;
        Line = line;
        Column = column;
    }

    public string Source { get; }

    public char Current => Source[Position];

    public bool AtEnd => Position == Source.Length;

    public int Position { get; }

    public int Line { get; }

    public int Column { get; }

    public IDictionary<object, object> Memos => _memos ??= new Dictionary<object, object>();

    /// <summary>Wraps <paramref name="input"/> (any Sprache input) so that <see cref="Skip"/> can be used on it.</summary>
    public static LineInput From(IInput input) =>
        input as LineInput ?? new LineInput(input.Source, input.Position, input.Line, input.Column);

    public IInput Advance() => Skip(1);

    /// <summary>The input <paramref name="count"/> characters further on (no memo table copied, as Sprache).</summary>
    public LineInput Skip(int count)
    {
        if (Position + count > Source.Length)
        {
            throw new InvalidOperationException("The input is already at the end of the source.");
        }

        var line = Line;
        var column = Column;
        for (var i = Position; i < Position + count; i++)
        {
            if (Source[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return new LineInput(Source, Position + count, line, column);
    }

    public bool Equals(IInput? other) =>
        other is not null && string.Equals(Source, other.Source, StringComparison.Ordinal) && Position == other.Position;

    public override bool Equals(object? obj) => Equals(obj as IInput);

    public override int GetHashCode() => HashCode.Combine(Source.GetHashCode(StringComparison.Ordinal), Position);

    public override string ToString() => $"Line {Line}, Column {Column}";
}
