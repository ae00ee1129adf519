namespace HaproxyNet.Core.Diagnostics;

/// <summary>Where the <c>-d</c> debug lines go (stdout in the host): one call per complete line.</summary>
/// <remarks>
/// 1.4 writes each line with a single unbuffered <c>write(1, ...)</c>, so lines appear at once and are never lost
/// when the process is killed; implementations must not buffer either. <see cref="EngineLoop.DebugOutput"/> is only
/// set when debug mode is on and quiet mode is off (or verbose is on), so a null output means no trace at all.
/// </remarks>
public interface IDebugOutput
{
    /// <param name="line">One line, newline included, as bytes.</param>
    void Write(ReadOnlySpan<byte> line);
}
