namespace HaproxyNet.IO;

/// <summary>Exposes a socket's descriptor number, which the <c>-d</c> trace prints (<c>accept(0004)=0007</c>).</summary>
/// <remarks>Implemented by the epoll connections and listeners; -1 once closed (or unknown in the fallback).</remarks>
public interface IFileDescriptor
{
    int FileDescriptor { get; }
}
