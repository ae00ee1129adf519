using HaproxyNet.Core.Diagnostics;

namespace HaproxyNet.Host.Runtime;

/// <summary>Lines written with one <c>write(fd, line)</c> each, bypassing every buffer: the <c>-d</c> trace, the pool dump.</summary>
/// <remarks>
/// 1.4 writes each debug line with <c>write(1, trash, len)</c>: lines appear at once, interleave with other writers
/// line by line (a line shorter than PIPE_BUF is atomic on a pipe) and nothing is lost if the process is killed.
/// A failed write (the descriptor closed) is ignored, as 1.4 ignores it.
/// </remarks>
internal sealed class RawFdOutput(int fd) : IDebugOutput
{
    public static readonly RawFdOutput Stdout = new(RuntimeLibc.StdoutFd);

    public static readonly RawFdOutput Stderr = new(2);

    public void Write(ReadOnlySpan<byte> line) => _ = RuntimeLibc.Write(fd, line, (nuint)line.Length);
}
