using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace HaproxyNet.IO.Native;

/// <summary>
/// Layout of <c>struct epoll_event</c> { uint32 events; uint64 data; }: packed (12 bytes, data at 4) on x86 and
/// x86-64, naturally aligned (16 bytes, data at 8) elsewhere, so it is read by offset rather than by a struct.
/// </summary>
internal static unsafe class EpollEvent
{
    internal static readonly int Size = IsPacked ? 12 : 16;

    private static readonly int DataOffset = IsPacked ? 4 : 8;

    private static bool IsPacked =>
        RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.X86;

    internal static void Write(byte* ev, uint events, ulong data)
    {
        Unsafe.WriteUnaligned(ev, events);
        Unsafe.WriteUnaligned(ev + DataOffset, data);
    }

    internal static uint Events(byte* array, int index) => Unsafe.ReadUnaligned<uint>(array + (index * Size));

    internal static ulong Data(byte* array, int index) => Unsafe.ReadUnaligned<ulong>(array + (index * Size) + DataOffset);
}
