namespace HaproxyNet.Core.Queueing;

/// <summary>FIFO of <see cref="PendingConnection"/> with O(1) removal (1.4's <c>pendconns</c> list).</summary>
public sealed class PendingQueue
{
    public PendingConnection? Head { get; private set; }

    public PendingConnection? Tail { get; private set; }

    public int Count { get; private set; }

    /// <summary>Appends at the tail (LIST_ADDQ).</summary>
    public void Append(PendingConnection p)
    {
        p.Owner = this;
        p.Prev = Tail;
        p.Next = null;
        if (Tail is null)
        {
            Head = p;
        }
        else
        {
            Tail.Next = p;
        }

        Tail = p;
        Count++;
    }

    /// <summary>Unlinks <paramref name="p"/> if it belongs to this queue.</summary>
    public void Remove(PendingConnection p)
    {
        if (p.Owner != this)
        {
            return;
        }

        if (p.Prev is null)
        {
            Head = p.Next;
        }
        else
        {
            p.Prev.Next = p.Next;
        }

        if (p.Next is null)
        {
            Tail = p.Prev;
        }
        else
        {
            p.Next.Prev = p.Prev;
        }

        p.Prev = p.Next = null;
        p.Owner = null;
        Count--;
    }
}
