namespace HaproxyNet.Config.Model;

/// <summary>Health-check flavour chosen by the check options (only one at a time).</summary>
public enum CheckType
{
    Tcp,
    Http,
    SslHello,
    Smtp,
    Mysql,
    Ldap,
}
