namespace ErpSync.Cli.Service;

/// <summary>
/// What the unit's ExecStart runs: the <c>erpsync</c> executable itself (a published build), or
/// <c>dotnet erpsync.dll</c> when this process runs through the <c>dotnet</c> host.
/// </summary>
internal static class ServiceExecutable
{
    /// <summary>The command words before <c>serve</c>.</summary>
    /// <param name="given"><c>--exec</c>: an executable or an <c>erpsync.dll</c>; <c>null</c> for the running one.</param>
    /// <param name="currentDirectory">What a relative <paramref name="given"/> resolves against.</param>
    /// <param name="environment">The process environment (for <c>PATH</c> and <c>DOTNET_ROOT</c>).</param>
    public static IReadOnlyList<string> Resolve(string? given, string currentDirectory, IReadOnlyDictionary<string, string> environment)
    {
        if (given is not null)
        {
            var path = Path.GetFullPath(given, currentDirectory);
            return path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? [DotnetHost(environment), path] : [path];
        }

        var process = Environment.ProcessPath ?? throw new InvalidOperationException("The path of the running executable is unknown; pass --exec PATH.");
        return IsDotnetHost(process)
            ? [process, Path.Combine(AppContext.BaseDirectory, "erpsync.dll")]
            : [process];
    }

    private static bool IsDotnetHost(string path) =>
        Path.GetFileNameWithoutExtension(path).Equals("dotnet", StringComparison.OrdinalIgnoreCase);

    private static string DotnetHost(IReadOnlyDictionary<string, string> environment)
    {
        if (Environment.ProcessPath is { } process && IsDotnetHost(process)) return process;
        if (environment.TryGetValue("DOTNET_ROOT", out var root) && File.Exists(Path.Combine(root, "dotnet"))) return Path.Combine(root, "dotnet");
        if (environment.TryGetValue("PATH", out var path))
        {
            foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(folder, "dotnet");
                if (File.Exists(candidate)) return candidate;
            }
        }

        return "/usr/bin/dotnet";
    }
}
