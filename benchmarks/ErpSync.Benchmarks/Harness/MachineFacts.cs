using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace ErpSync.Benchmarks.Harness;

/// <summary>What the figures were measured on: CPU, cores, memory, OS, runtime, commit, load — read when the run starts.</summary>
internal static class MachineFacts
{
    public static IReadOnlyList<(string Name, string Value)> Collect()
    {
        var facts = new List<(string, string)>
        {
            ("date (UTC)", DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
            ("commit", Git("rev-parse --short HEAD") + (Git("status --porcelain --untracked-files=no").Length > 0 ? " (with uncommitted changes)" : "")),
            ("branch", Git("rev-parse --abbrev-ref HEAD")),
            ("CPU", CpuModel()),
            ("logical cores", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)),
            ("memory", MemoryTotal()),
            ("load average (1, 5, 15 min) when the run started", ReadFirstLine("/proc/loadavg")),
            ("OS", RuntimeInformation.OSDescription),
            (".NET", RuntimeInformation.FrameworkDescription + (IsRelease() ? ", Release build" : ", DEBUG build — figures are not representative")),
            ("server GC", System.Runtime.GCSettings.IsServerGC ? "yes" : "no"),
        };
        return facts;
    }

    private static bool IsRelease()
    {
#if DEBUG
        return false;
#else
        return true;
#endif
    }

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }

    private static string MemoryTotal()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            if (line is not null && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb))
                return Stats.F(kb / 1024.0 / 1024.0, 1) + " GiB";
        }
        catch (IOException)
        {
        }

        return "unknown";
    }

    private static string ReadFirstLine(string path)
    {
        try
        {
            return File.ReadLines(path).FirstOrDefault() ?? "";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string Git(string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
            if (git is null)
                return "unknown";
            var text = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? text : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
