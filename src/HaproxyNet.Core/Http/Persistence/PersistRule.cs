using HaproxyNet.Config.Acl;

namespace HaproxyNet.Core.Http.Persistence;

/// <summary>One <c>force-persist</c> or <c>ignore-persist</c> rule of a backend.</summary>
/// <param name="Force">True for force-persist, false for ignore-persist.</param>
/// <param name="Condition">Its <c>if</c>/<c>unless</c> condition.</param>
public sealed record PersistRule(bool Force, AclCondition Condition);
