using System.Buffers;
using System.Buffers.Text;
using System.Text;
using HaproxyNet.Config.Acl;
using HaproxyNet.Core.Http.Parsing;

namespace HaproxyNet.Core.Http.Rules;

/// <summary>crypt(3) as the C library does it; the implementation lives outside the Core (HaproxyNet.IO).</summary>
public interface IPasswordCrypt
{
    /// <summary>Whether <c>crypt(password, hash)</c> equals <paramref name="hash"/>.</summary>
    bool Verify(ReadOnlySpan<byte> password, string hash);
}

/// <summary>One <c>user</c> of a userlist at run time.</summary>
/// <param name="Name">The user name, as bytes.</param>
/// <param name="Password">The password (clear for insecure-password, else a crypt(3) hash).</param>
/// <param name="Insecure">insecure-password.</param>
/// <param name="Groups">Bit n = the n-th group of the userlist (from the user line and from the group lines).</param>
public sealed record UserRt(byte[] Name, string Password, bool Insecure, uint Groups);

/// <summary>A <c>userlist</c> at run time (1.4's <c>struct userlist</c>).</summary>
public sealed class UserListRt
{
    public UserListRt(string name, IReadOnlyList<string> groups, IReadOnlyList<UserRt> users)
    {
        Name = name;
        Groups = groups;
        Users = users;
    }

    public string Name { get; }

    /// <summary>Group names, in declaration order (the bit of each is its index).</summary>
    public IReadOnlyList<string> Groups { get; }

    public IReadOnlyList<UserRt> Users { get; }

    /// <summary>Builds the runtime userlist from the configuration model (auth_resolve_groups: both directions of membership).</summary>
    public static UserListRt From(Config.Model.UserList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var users = new List<UserRt>(list.Users.Count);
        foreach (var u in list.Users)
        {
            uint mask = 0;
            for (var g = 0; g < list.Groups.Count; g++)
            {
                var member = false;
                foreach (var name in u.Groups)
                {
                    member |= name == list.Groups[g];
                }

                if (g < list.GroupUsers.Count)
                {
                    foreach (var name in list.GroupUsers[g])
                    {
                        member |= name == u.Name;
                    }
                }

                if (member)
                {
                    mask |= 1u << g;
                }
            }

            users.Add(new UserRt(Encoding.Latin1.GetBytes(u.Name), u.Password ?? string.Empty, u.InsecurePassword, mask));
        }

        return new UserListRt(list.Name, list.Groups, users);
    }

    /// <summary>auth_resolve_groups for the space-separated group names of an <c>http_auth_group</c> pattern.</summary>
    public uint GroupMask(string? names)
    {
        uint mask = 0;
        if (names is null)
        {
            return 0;
        }

        foreach (var name in names.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            for (var g = 0; g < Groups.Count; g++)
            {
                if (Groups[g] == name)
                {
                    mask |= 1u << g;
                }
            }
        }

        return mask;
    }

    /// <summary>check_user: the user exists, belongs to <paramref name="groupMask"/> (0 = any), and the password matches.</summary>
    public bool Check(uint groupMask, ReadOnlySpan<byte> user, ReadOnlySpan<byte> pass, IPasswordCrypt? crypt)
    {
        UserRt? found = null;
        foreach (var u in Users)
        {
            if (user.SequenceEqual(u.Name))
            {
                found = u;
                break;
            }
        }

        if (found is null || (groupMask != 0 && (groupMask & found.Groups) == 0))
        {
            return false;
        }

        if (found.Insecure)
        {
            return PasswordEquals(pass, found.Password);
        }

        return crypt is not null && crypt.Verify(pass, found.Password);
    }

    private static bool PasswordEquals(ReadOnlySpan<byte> pass, string expected)
    {
        // strcmp on C strings: a NUL in the decoded password ends it.
        var nul = pass.IndexOf((byte)0);
        if (nul >= 0)
        {
            pass = pass[..nul];
        }

        if (pass.Length != expected.Length)
        {
            return false;
        }

        for (var i = 0; i < pass.Length; i++)
        {
            if (pass[i] != expected[i])
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>get_http_auth: the Basic credentials of a request (Authorization, or Proxy-Authorization for a proxy request).</summary>
public static class HttpAuth
{
    /// <summary>
    /// Decodes the request's Basic credentials into <paramref name="scratch"/> and splits them at the first ':'.
    /// False without the header, for another scheme, or with invalid base64 / no colon.
    /// </summary>
    public static bool TryGetBasic(ReadOnlySpan<byte> data, HttpTxn txn, Span<byte> scratch, out int userLength, out int passStart, out int passLength)
    {
        ArgumentNullException.ThrowIfNull(txn);
        userLength = passStart = passLength = 0;
        var name = txn.Has(HttpTxnFlags.UseProxyConn) ? "Proxy-Authorization"u8 : "Authorization"u8;
        var ctx = default(HdrCtx);
        if (!HttpHeaderOps.Find(data, txn.Req, txn.ReqIdx, name, ref ctx))
        {
            return false;
        }

        var value = data.Slice(ctx.Val, ctx.VLen);
        var sp = value.IndexOf((byte)' ');

        // strncasecmp("Basic", method, method length): any prefix of "Basic" is accepted, as in 1.4.
        if (sp <= 0 || sp > 5 || !HttpHeaderOps.EqualsIgnoreCase(value[..sp], "Basic"u8[..sp]))
        {
            return false;
        }

        var b64 = value[(sp + 1)..];

        if (Base64.DecodeFromUtf8(b64, scratch, out _, out var written) != OperationStatus.Done)
        {
            return false;
        }

        var decoded = scratch[..written];
        var colon = decoded.IndexOf((byte)':');
        if (colon < 0)
        {
            return false;
        }

        userLength = colon;
        passStart = colon + 1;
        passLength = written - colon - 1;
        return true;
    }
}
