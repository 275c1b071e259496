using System.Text;

namespace ErpSync.Cli.Service;

/// <summary>
/// Renders the systemd unit of <c>erpsync serve</c>: restarts on failure (a few times, then gives up so a
/// broken configuration does not spin), stops with SIGTERM and waits for work in flight, logs to the journal,
/// and runs hardened — read-only system, writable only where the database and logs live.
/// </summary>
internal static class SystemdUnit
{
    public static string Render(ServiceUnitOptions options)
    {
        var after = string.Join(' ', new[] { "network-online.target" }.Concat(options.After));
        var writable = string.Join(' ', options.WritablePaths.Select(Quote));
        var underHome = options.WritablePaths.Concat([options.WorkingDirectory])
            .Any(p => p == "/root" || p.StartsWith("/root/", StringComparison.Ordinal) || p == "/home" || p.StartsWith("/home/", StringComparison.Ordinal) || p.StartsWith("/run/user/", StringComparison.Ordinal));
        var capabilities = options.BindsPrivilegedPort ? "CAP_NET_BIND_SERVICE" : "";

        var unit = new StringBuilder();
        unit.Append($"""
            # Written by `erpsync service install`. Re-run it (with --force) rather than editing by hand, or
            # keep local changes in a drop-in: sudo systemctl edit {options.FileName}
            [Unit]
            Description=ErpSync: two-way sync of the cloud and local Frappe/ERPNext sites
            Wants=network-online.target
            After={after}
            # A configuration error makes every start fail: give up after 5 tries in 5 minutes instead of looping.
            StartLimitIntervalSec=300
            StartLimitBurst=5

            [Service]
            Type=simple
            User={options.User}
            WorkingDirectory={Escape(options.WorkingDirectory)}
            ExecStart={string.Join(' ', options.Command.Select(ExecArgument))}
            Restart=on-failure
            RestartSec=5s
            # SIGTERM makes the server stop taking work, finish or release what it holds, and exit.
            KillSignal=SIGTERM
            TimeoutStopSec={ServiceUnitOptions.StopTimeoutSeconds}
            # 130/143 are how a process reports a stop by SIGINT/SIGTERM: a clean stop, not a failure.
            SuccessExitStatus=130 143
            StandardOutput=journal
            StandardError=journal
            SyslogIdentifier={options.Name}
            # Files it creates (database, backups, logs) are not readable by other users.
            UMask=0027

            # Hardening: the server needs the network, its working folder, its database and log folders;
            # nothing else. MemoryDenyWriteExecute is not set: .NET's JIT compiler needs writable code pages.
            NoNewPrivileges=yes
            ProtectSystem=strict
            ReadWritePaths={writable}
            ProtectHome={(underHome ? "read-only" : "yes")}
            PrivateTmp=yes
            PrivateDevices=yes
            ProtectKernelTunables=yes
            ProtectKernelModules=yes
            ProtectKernelLogs=yes
            ProtectControlGroups=yes
            ProtectClock=yes
            ProtectHostname=yes
            RestrictSUIDSGID=yes
            RestrictRealtime=yes
            RestrictNamespaces=yes
            LockPersonality=yes
            RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6 AF_NETLINK
            SystemCallArchitectures=native
            CapabilityBoundingSet={capabilities}
            AmbientCapabilities={capabilities}

            [Install]
            WantedBy=multi-user.target

            """);
        return unit.ToString().ReplaceLineEndings("\n");
    }

    /// <summary>A systemd specifier-safe value: <c>%</c> would start a specifier such as <c>%h</c>.</summary>
    internal static string Escape(string value) => value.Replace("%", "%%", StringComparison.Ordinal);

    /// <summary>One ExecStart word: quoted when it has spaces or quotes; <c>$</c> and <c>%</c> escaped so systemd passes them through.</summary>
    internal static string ExecArgument(string value)
    {
        var escaped = Escape(value).Replace("$", "$$", StringComparison.Ordinal);
        return escaped.Length > 0 && !escaped.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '\\' or ';')
            ? escaped
            : "\"" + escaped.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    private static string Quote(string path)
    {
        var escaped = Escape(path);
        return escaped.Any(char.IsWhiteSpace) ? "\"" + escaped + "\"" : escaped;
    }
}
