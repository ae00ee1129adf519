using System.Buffers;
using System.Text;

namespace HaproxyNet.Config.Acl;

/// <summary>
/// Lookup structures for long pattern lists (typically from <c>-f</c> files), playing the role of 1.4's
/// <c>pattern_tree</c>: exact strings in hash sets, contiguous IPv4 networks in one hash set per prefix length.
/// Patterns that do not fit (non-contiguous masks) stay in a list. Any-match semantics are unchanged.
/// </summary>
/// <remarks>Built once at parse time for <c>str</c> and <c>ip</c> criteria with at least <see cref="MinPatterns"/> values.</remarks>
internal sealed class AclPatternIndex
{
    /// <summary>Below this many values a linear scan is as fast and allocates nothing at parse time.</summary>
    public const int MinPatterns = 8;

    private readonly HashSet<string>? _tree;
    private readonly HashSet<string>? _exact;
    private readonly HashSet<string>? _exactIgnoreCase;
    private readonly uint[]? _prefixMasks;
    private readonly HashSet<uint>[]? _networks;
    private readonly AclPattern[] _rest;

    private AclPatternIndex(
        HashSet<string>? tree,
        HashSet<string>? exact,
        HashSet<string>? exactIgnoreCase,
        uint[]? prefixMasks,
        HashSet<uint>[]? networks,
        AclPattern[] rest)
    {
        _tree = tree;
        _exact = exact;
        _exactIgnoreCase = exactIgnoreCase;
        _prefixMasks = prefixMasks;
        _networks = networks;
        _rest = rest;
    }

    public static AclPatternIndex? TryBuild(AclMatchKind match, IReadOnlyList<AclPattern> patterns)
    {
        if (patterns.Count < MinPatterns)
        {
            return null;
        }

        return match switch
        {
            AclMatchKind.String => BuildStrings(patterns),
            AclMatchKind.Ip => BuildNetworks(patterns),
            _ => null,
        };
    }

    private static AclPatternIndex BuildStrings(IReadOnlyList<AclPattern> patterns)
    {
        var tree = new HashSet<string>(StringComparer.Ordinal);
        var exact = new HashSet<string>(StringComparer.Ordinal);
        var folded = new HashSet<string>(StringComparer.Ordinal);
        var rest = new List<AclPattern>();
        foreach (var p in patterns)
        {
            if (p.Kind != AclPatternKind.String || p.Bytes is null)
            {
                rest.Add(p);
                continue;
            }

            // Keyed by the bytes the linear matcher compares (one char per byte).
            var key = Encoding.Latin1.GetString(p.Bytes);
            if (p.IgnoreCase)
            {
                folded.Add(FoldAscii(key));
            }
            else if (p.InLookupTree)
            {
                tree.Add(key);
            }
            else
            {
                exact.Add(key);
            }
        }

        return new AclPatternIndex(tree, exact, folded, null, null, [.. rest]);
    }

    private static AclPatternIndex BuildNetworks(IReadOnlyList<AclPattern> patterns)
    {
        var byMask = new Dictionary<uint, HashSet<uint>>();
        var rest = new List<AclPattern>();
        foreach (var p in patterns)
        {
            var mask = p.Network.Mask;
            if (p.Kind != AclPatternKind.Ipv4Network || unchecked(mask + (mask & (0u - mask))) != 0)
            {
                rest.Add(p); // non-contiguous mask (1.4 keeps those in its list too)
                continue;
            }

            if (!byMask.TryGetValue(mask, out var set))
            {
                byMask[mask] = set = [];
            }

            set.Add(p.Network.Address & mask);
        }

        var masks = byMask.Keys.ToArray();
        Array.Sort(masks);
        var sets = new HashSet<uint>[masks.Length];
        for (var i = 0; i < masks.Length; i++)
        {
            sets[i] = byMask[masks[i]];
        }

        return new AclPatternIndex(null, null, null, masks, sets, [.. rest]);
    }

    /// <summary>Any exact-string pattern equal to <paramref name="value"/> (same rules as <c>acl_match_str</c>).</summary>
    public bool MatchString(ReadOnlySpan<byte> value)
    {
        char[]? rented = null;
        var chars = value.Length <= 512 ? stackalloc char[value.Length] : (rented = ArrayPool<char>.Shared.Rent(value.Length));
        try
        {
            var text = chars[..value.Length];
            for (var i = 0; i < value.Length; i++)
            {
                text[i] = (char)value[i];
            }

            if (_exact!.Count != 0 && _exact.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text))
            {
                return true;
            }

            // 1.4's tree compares C strings: the value stops at its first NUL.
            var nul = text.IndexOf('\0');
            var cString = nul < 0 ? text : text[..nul];
            if (_tree!.Count != 0 && _tree.GetAlternateLookup<ReadOnlySpan<char>>().Contains(cString))
            {
                return true;
            }

            if (_exactIgnoreCase!.Count != 0)
            {
                for (var i = 0; i < text.Length; i++)
                {
                    text[i] = FoldAscii(text[i]);
                }

                if (_exactIgnoreCase.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text))
                {
                    return true;
                }
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }

        foreach (var p in _rest)
        {
            if (AclMatcher.MatchString(p, value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Any network containing <paramref name="address"/> (host byte order).</summary>
    public bool MatchIpv4(uint address)
    {
        var masks = _prefixMasks!;
        for (var i = 0; i < masks.Length; i++)
        {
            if (_networks![i].Contains(address & masks[i]))
            {
                return true;
            }
        }

        foreach (var p in _rest)
        {
            if (p.Kind == AclPatternKind.Ipv4Network && p.Network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    private static string FoldAscii(string text) => string.Create(text.Length, text, static (span, s) =>
    {
        for (var i = 0; i < s.Length; i++)
        {
            span[i] = FoldAscii(s[i]);
        }
    });

    private static char FoldAscii(char c) => c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
}
