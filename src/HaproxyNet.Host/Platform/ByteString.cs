using System.Text;

namespace HaproxyNet.Host.Platform;

/// <summary>
/// Conversions between the OS's byte strings (argv, paths, names) and HaproxyNet's representation of
/// them: a <see cref="string"/> holding one char per byte (Latin-1).
/// </summary>
/// <remarks>
/// 1.4 never decodes text; keeping bytes as chars 0-255 lets every message print byte for byte.
/// .NET hands argv over already decoded from UTF-8, so the arguments are re-encoded first.
/// </remarks>
public static class ByteString
{
    /// <summary>A .NET-decoded argument back to its bytes, one char per byte.</summary>
    public static string FromArgument(string argument) => Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(argument));

    /// <summary>A byte string to its bytes, NUL-terminated for a C call.</summary>
    public static byte[] ToCString(string byteString)
    {
        var bytes = new byte[byteString.Length + 1];
        Encoding.Latin1.GetBytes(byteString, bytes);
        return bytes;
    }
}
