namespace HaproxyNet.Config.Model;

/// <summary><c>mode tcp|http|health</c>.</summary>
public enum ProxyMode
{
    Tcp,
    Http,
    Health,
}
