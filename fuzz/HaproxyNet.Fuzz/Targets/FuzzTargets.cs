namespace HaproxyNet.Fuzz.Targets;

/// <summary>A fuzz finding that is not an exception of the code under test: a broken invariant.</summary>
public sealed class FuzzFindingException(string message) : Exception(message);

/// <summary>The fuzz targets by name (the names of eng/fuzz/run.sh and of testdata/fuzz/&lt;target&gt;/).</summary>
public static class FuzzTargets
{
    public static readonly string[] Names = ["http-request", "http-response", "config"];

    /// <summary>Runs one input through a target: returns normally, or throws (a finding).</summary>
    public static void Run(string target, ReadOnlySpan<byte> input)
    {
        switch (target)
        {
            case "http-request":
                HttpParserTarget.Run(input, request: true);
                break;
            case "http-response":
                HttpParserTarget.Run(input, request: false);
                break;
            case "config":
                ConfigTarget.Run(input);
                break;
            default:
                throw new ArgumentException("unknown fuzz target '" + target + "' (" + string.Join(", ", Names) + ")", nameof(target));
        }
    }
}
