using System.Text.RegularExpressions;

namespace ErpSync.Cli.Tests.Commands.Demo;

/// <summary>Reads what the demo printed: the addresses it ran on and its temp folder.</summary>
internal static partial class DemoOutput
{
    /// <summary>The ports of the cloud site, the local site and the server, from the demo's first lines.</summary>
    public static IReadOnlyList<int> Ports(string output)
    {
        var ports = new[] { CloudSite(), LocalSite(), Server() }
            .Select(pattern => pattern.Match(output))
            .Select(m => m.Success ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0)
            .ToList();
        ports.ShouldAllBe(p => p > 0, output);
        return ports;
    }

    /// <summary>The temp folder the state database lived in.</summary>
    public static string Folder(string output)
    {
        var match = Database().Match(output);
        match.Success.ShouldBeTrue(output);
        return Path.GetDirectoryName(match.Groups[1].Value)!;
    }

    [GeneratedRegex(@"cloud site \(Asia/Kolkata\) http://127\.0\.0\.1:(\d+)/")]
    private static partial Regex CloudSite();

    [GeneratedRegex(@"local site \(Europe/Berlin\) http://127\.0\.0\.1:(\d+)/")]
    private static partial Regex LocalSite();

    [GeneratedRegex(@"server http://127\.0\.0\.1:(\d+)/")]
    private static partial Regex Server();

    [GeneratedRegex(@"state database (\S+sync_state\.db)")]
    private static partial Regex Database();
}
