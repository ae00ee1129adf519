namespace HaproxyNet.Core.Http.Parsing;

/// <summary>One header index entry (1.4's <c>struct hdr_idx_elem</c>).</summary>
public struct HdrIdxElem
{
    /// <summary>Line length without CR/LF; 0 = unused slot.</summary>
    public int Length;

    /// <summary>The line ends with CRLF (true) or a bare LF (false). Whole line size = Length + Cr + 1.</summary>
    public bool Cr;

    /// <summary>Index of the next line in message order; 0 = end of list.</summary>
    public int Next;

    /// <summary>Size of the line including its CR (if any) and LF.</summary>
    public readonly int LineSize => Length + (Cr ? 2 : 1);
}

/// <summary>
/// Header index of a message (1.4's <c>struct hdr_idx</c>, <c>hdr_idx.c</c>): a fixed array of line lengths
/// linked in message order. Entry 0 is the start line; header lines are linked from
/// <c>this[0].Next</c>. Offsets are not stored: a line's position is found by walking from the start of message
/// (<see cref="FirstPos"/>), so rewriting a line only needs its length updated.
/// </summary>
/// <remarks>
/// Capacity is fixed at construction (not following tune.bufsize). As measured on 1.4.25: the parser accepts 204
/// header lines (the 205th makes the message invalid, <see cref="ParseLimit"/>), and headers the engine adds
/// (reqadd, X-Forwarded-For, Connection...) may take one more entry: 204 lines + one added header pass, 204 + two
/// or 203 + three do not. Hence 206 entries with entry 0 the start line.
/// </remarks>
public sealed class HdrIdx
{
    /// <summary>Entries of an index, the start line included: 205 header lines at most (see remarks).</summary>
    public const int DefaultCapacity = 206;

    /// <summary>The parser refuses a header line once this many entries are used (start line + 204 lines).</summary>
    public int ParseLimit => _v.Length - 1;

    private readonly HdrIdxElem[] _v;

    /// <summary>Creates an index of <paramref name="capacity"/> entries, entry 0 included.</summary>
    public HdrIdx(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        _v = new HdrIdxElem[capacity];
        Init();
    }

    /// <summary>Number of entries (<c>size</c>).</summary>
    public int Size => _v.Length;

    /// <summary>Entries in use, entry 0 included (<c>used</c>).</summary>
    public int Used { get; private set; }

    /// <summary>Last entry of the list in message order (<c>tail</c>); 0 when there is no header.</summary>
    public int Tail { get; private set; }

    /// <summary>Next never-used slot (1.4's <c>last</c>); after it, freed holes are searched.</summary>
    private int _fresh;

    /// <summary>Entry <paramref name="i"/> by reference (read, or adjust <c>Length</c> after an in-place rewrite).</summary>
    public ref HdrIdxElem this[int i] => ref _v[i];

    /// <summary>Index of the first header line, 0 if none (<c>hdr_idx_first_idx</c>).</summary>
    public int FirstIdx => _v[0].Next;

    /// <summary>Offset of the first header line relative to the start of message (<c>hdr_idx_first_pos</c>).</summary>
    public int FirstPos => _v[0].LineSize;

    /// <summary>Empties the index (<c>hdr_idx_init</c>).</summary>
    public void Init()
    {
        _v[0] = default;
        Used = 1;
        _fresh = 1;
        Tail = 0;
    }

    /// <summary>Records the start line (<c>hdr_idx_set_start</c>).</summary>
    public void SetStart(int length, bool cr)
    {
        _v[0].Length = length;
        _v[0].Cr = cr;
    }

    /// <summary>
    /// Adds a line after entry <paramref name="after"/> (use <see cref="Tail"/> to append) (<c>hdr_idx_add</c>).
    /// </summary>
    /// <returns>The new entry's index, or -1 when the index is full.</returns>
    public int Add(int length, bool cr, int after)
    {
        if (Used >= _v.Length)
        {
            return -1;
        }

        int slot;
        if (_fresh < _v.Length)
        {
            slot = _fresh++;
        }
        else
        {
            slot = 1;
            while (slot < _v.Length && _v[slot].Length != 0)
            {
                slot++;
            }

            if (slot == _v.Length)
            {
                return -1;
            }
        }

        _v[slot].Length = length;
        _v[slot].Cr = cr;
        _v[slot].Next = _v[after].Next;
        _v[after].Next = slot;
        Used++;
        if (Tail == after)
        {
            Tail = slot;
        }

        return slot;
    }

    /// <summary>
    /// Unlinks entry <paramref name="cur"/> whose predecessor is <paramref name="prev"/> (1.4's header removal in
    /// <c>http_remove_header2</c>/<c>apply_filter_to_req_headers</c>: <c>v[prev].next = v[cur].next; used--</c>).
    /// The caller removes the bytes from the data itself.
    /// </summary>
    public void Remove(int prev, int cur)
    {
        _v[prev].Next = _v[cur].Next;
        if (Tail == cur)
        {
            Tail = prev;
        }

        _v[cur] = default;
        Used--;
    }
}
