using System.Reflection;

namespace ErpSync.Server;

/// <summary>Names and version shown by the banner, <c>/health</c> and <c>/status</c>.</summary>
internal static class ServerInfo
{
    /// <summary>The original tool's service name, kept so existing monitors keep matching.</summary>
    public const string ServiceName = "erpsync-webhook-server";

    public static string Version { get; } =
        typeof(ServerInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
