using HaproxyNet.Core.Diagnostics;

namespace HaproxyNet.Host.Runtime;

/// <summary>The <c>-d</c> lines on stdout: one <c>write(1, line)</c> per line, bypassing every buffer.</summary>
/// <remarks>
/// 1.4 writes each debug line with <c>write(1, trash, len)</c>: lines appear at once, interleave with other writers
/// line by line (a line shorter than PIPE_BUF is atomic on a pipe) and nothing is lost if the process is killed.
/// A failed write (stdout closed) is ignored, as 1.4 ignores it.
/// </remarks>
internal sealed class StdoutDebugOutput : IDebugOutput
{
    public void Write(ReadOnlySpan<byte> line) => _ = RuntimeLibc.Write(RuntimeLibc.StdoutFd, line, (nuint)line.Length);
}
