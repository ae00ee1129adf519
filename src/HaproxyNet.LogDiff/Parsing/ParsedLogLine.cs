namespace HaproxyNet.LogDiff.Parsing;

/// <summary>A normalized log line split into its kind and its fields, in line order.</summary>
public sealed class ParsedLogLine
{
    public ParsedLogLine(LogLineKind kind, IReadOnlyList<LogField> fields)
    {
        Kind = kind;
        Fields = fields;
    }

    public LogLineKind Kind { get; }

    public IReadOnlyList<LogField> Fields { get; }

    /// <summary>The value of field <paramref name="name"/>, or null when the line has no such field.</summary>
    public string? this[string name]
    {
        get
        {
            foreach (var field in Fields)
            {
                if (field.Name == name)
                {
                    return field.Value;
                }
            }

            return null;
        }
    }
}
