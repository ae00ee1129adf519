namespace HaproxyNet.Core.LoadBalancing;

/// <summary>Automatic server ids (puids), which place the servers' points on the consistent-hash ring.</summary>
/// <remarks>
/// The server part of 1.4's <c>check_config_validity</c> (<c>get_next_id</c> over <c>used_server_id</c>): a cursor
/// starts at 1; a server without <c>id</c> takes the first unused id &gt;= the cursor and the cursor moves just past
/// it; a server with an explicit id only moves the cursor by one. <c>s1 id 3, s2, s3</c> gives 3, 2, 4 (LB.md §1);
/// <c>s1, s2, s3 id 2, s4 id 3, s5</c> gives 1, 4, 2, 3, 7 (the cursor jumped to 4 at s2).
/// </remarks>
public static class ServerIds
{
    /// <summary>Fills <paramref name="puids"/> from <paramref name="explicitIds"/> (0 = no <c>id</c> option), in declaration order.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void AssignPuids(ReadOnlySpan<int> explicitIds, Span<int> puids)
    {
        if (explicitIds.Length != puids.Length)
        {
            throw new ArgumentException("one puid per server", nameof(puids));
        }

        var used = new HashSet<int>();
        foreach (var id in explicitIds)
        {
            if (id > 0)
            {
                used.Add(id);
            }
        }

        var next = 1;
        for (var i = 0; i < explicitIds.Length; i++)
        {
            if (explicitIds[i] > 0)
            {
                puids[i] = explicitIds[i];
            }
            else
            {
                while (used.Contains(next))
                {
                    next++;
                }

                puids[i] = next;
                used.Add(next);
            }

            next++;
        }
    }
}
