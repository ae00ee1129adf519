namespace HaproxyNet.Config.Model;

/// <summary>Where an element was declared: file name as given on the command line and 1.4's line number.</summary>
public readonly record struct SourceSpan(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}
