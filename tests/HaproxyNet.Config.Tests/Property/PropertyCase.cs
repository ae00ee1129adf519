namespace HaproxyNet.Config.Tests.Property;

/// <summary>One generated input: the files given as successive <c>-f</c>, and the edits that made them.</summary>
internal sealed record PropertyCase(IReadOnlyList<(string Name, byte[] Bytes)> Files, IReadOnlyList<string> Mutations)
{
    public IReadOnlyList<string> Names => Files.Select(f => f.Name).ToArray();
}
