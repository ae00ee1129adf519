using HaproxyNet.Testing.Http;

namespace HaproxyNet.EndToEnd.Tests.Differential;

/// <summary>One connection of a differential run: the generated payload and the frontend it is sent to.</summary>
internal sealed record DifferentialCase(int Index, string Frontend, GeneratedRequest Request)
{
    /// <summary>The cases of <paramref name="seed"/>: payload <c>i</c> of the generator, frontend chosen from the same seed.</summary>
    public static IReadOnlyList<DifferentialCase> Plan(int seed, int count, IReadOnlyList<string> frontends)
    {
        var rng = new Random(seed);
        var generator = new HttpRequestGenerator(seed);
        var cases = new List<DifferentialCase>(count);
        for (var i = 0; i < count; i++)
        {
            cases.Add(new DifferentialCase(i, frontends[rng.Next(frontends.Count)], generator.Next()));
        }

        return cases;
    }
}

/// <summary>What one proxy did with one case.</summary>
/// <param name="ClientBytes">Everything the client received until the proxy closed.</param>
/// <param name="ClientEnd">How the connection ended for the client: close, reset, timeout, refused.</param>
/// <param name="BackendBytes">What each server connection of the case received from the proxy.</param>
internal sealed record CaseOutcome(byte[] ClientBytes, string ClientEnd, IReadOnlyList<byte[]> BackendBytes);
