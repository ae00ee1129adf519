namespace HaproxyNet.Config.Tests.Property;

/// <summary>One generated input: the files given as successive <c>-f</c>, the edits that made them, and the command-line options.</summary>
internal sealed record PropertyCase(IReadOnlyList<(string Name, byte[] Bytes)> Files, IReadOnlyList<string> Mutations, ConfigLoadOptions Options)
{
    public IReadOnlyList<string> Names => Files.Select(f => f.Name).ToArray();
}
