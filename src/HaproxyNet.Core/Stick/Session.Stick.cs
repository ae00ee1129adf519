using HaproxyNet.Core.Stick;

namespace HaproxyNet.Core.Sessions;

/// <summary>The keys a session's store rules keep until its server connection is established (1.4's <c>s->store[8]</c>).</summary>
public sealed partial class Session
{
    /// <summary>Pending (table, key) pairs.</summary>
    internal (StickTable? Table, StickKey Key)[] StickStores { get; } = new (StickTable?, StickKey)[8];

    /// <summary>Pairs used in <see cref="StickStores"/>.</summary>
    internal int StickStoreCount { get; set; }
}
