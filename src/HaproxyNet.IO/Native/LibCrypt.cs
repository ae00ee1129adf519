using System.Runtime.InteropServices;
using System.Text;
using HaproxyNet.Core.Http.Rules;

namespace HaproxyNet.IO.Native;

/// <summary>
/// crypt(3) from the system's libcrypt (libxcrypt / glibc), for userlist <c>password</c> hashes: the same
/// verdicts as 1.4, which calls <c>crypt(pass, hash)</c> and compares the result with the hash.
/// </summary>
/// <remarks>
/// <c>crypt</c> keeps its result in static storage, so calls are serialised. Without libcrypt every secure
/// password is refused (as a 1.4 built without crypt would) and <see cref="IsAvailable"/> says so.
/// </remarks>
public sealed partial class LibCrypt : IPasswordCrypt
{
    internal const string Lib = "libcrypt";
    private static readonly Lock Gate = new();
    private static int _available = -1;

    static LibCrypt()
    {
        LibC.EnsureLoaded(); // the assembly's one resolver (LibC) maps "libcrypt" with ResolveCrypt
    }

    /// <summary>Whether libcrypt could be loaded.</summary>
    public static bool IsAvailable
    {
        get
        {
            if (_available < 0)
            {
                _available = NativeLibrary.TryLoad("libcrypt.so.1", out _) || NativeLibrary.TryLoad("libcrypt.so.2", out _) ? 1 : 0;
            }

            return _available == 1;
        }
    }

    /// <inheritdoc/>
    public bool Verify(ReadOnlySpan<byte> password, string hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        if (!IsAvailable)
        {
            return false;
        }

        // C strings: the password ends at its first NUL.
        var nul = password.IndexOf((byte)0);
        if (nul >= 0)
        {
            password = password[..nul];
        }

        var key = new byte[password.Length + 1];
        password.CopyTo(key);
        var salt = new byte[Encoding.Latin1.GetByteCount(hash) + 1];
        Encoding.Latin1.GetBytes(hash, salt);
        lock (Gate)
        {
            var result = Crypt(key, salt);
            if (result == 0)
            {
                return false;
            }

            var text = Marshal.PtrToStringAnsi(result);
            return text is not null && string.Equals(text, hash, StringComparison.Ordinal);
        }
    }

    [LibraryImport(Lib, EntryPoint = "crypt")]
    private static partial nint Crypt(byte[] key, byte[] salt);

    /// <summary>The library handle for <see cref="Lib"/>, 0 when absent.</summary>
    internal static nint ResolveCrypt()
    {
        if (NativeLibrary.TryLoad("libcrypt.so.1", out var handle) || NativeLibrary.TryLoad("libcrypt.so.2", out handle))
        {
            return handle;
        }

        return 0;
    }
}
