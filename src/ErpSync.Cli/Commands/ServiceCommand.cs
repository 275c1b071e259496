using System.CommandLine;
using System.Text;
using System.Text.RegularExpressions;
using ErpSync.Cli.Configuration;
using ErpSync.Cli.Internal.Invocation;
using ErpSync.Cli.Internal.Output;
using ErpSync.Cli.Service;

namespace ErpSync.Cli.Commands;

/// <summary>
/// <c>erpsync service install [--user U] [--workdir DIR] [--print] [--force] [--name N] [--exec PATH]</c>: writes
/// the systemd unit that runs <c>erpsync serve</c> in the background, and prints the <c>systemctl</c> commands.
/// </summary>
internal static partial class ServiceCommand
{
    public const string DefaultUnitDirectory = "/etc/systemd/system";

    public static Command Create()
    {
        var user = new Option<string?>("--user") { Description = "Account the server runs as (default: the user who ran sudo, else you).", HelpName = "name" };
        var workdir = new Option<string?>("--workdir") { Description = "Folder with .env and config.yaml the server runs in (default: the current folder).", HelpName = "DIR" };
        var print = new Option<bool>("--print") { Description = "Print the unit on standard output instead of writing it." };
        var force = new Option<bool>("--force") { Description = "Replace an existing unit file with different content." };
        var name = new Option<string>("--name")
        {
            Description = "Unit name, for several site pairs on one machine (default: erpsync).",
            HelpName = "name",
            DefaultValueFactory = _ => ServiceUnitOptions.DefaultName,
        };
        var exec = new Option<string?>("--exec") { Description = "The erpsync executable (or erpsync.dll) the service runs (default: this one).", HelpName = "PATH" };
        var unitDir = new Option<string?>("--unit-dir") { Description = $"Where to write the unit (default: {DefaultUnitDirectory}).", HelpName = "DIR", Hidden = true };
        var install = new Command("install", "Write the systemd unit for 'erpsync serve' and print the systemctl commands to start it.")
        {
            user, workdir, print, force, name, exec, unitDir,
        };
        install.WithBody((context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            return InstallAsync(
                context,
                new InstallRequest(parse.GetValue(user), parse.GetValue(workdir), parse.GetValue(print), parse.GetValue(force), parse.GetValue(name) ?? ServiceUnitOptions.DefaultName, parse.GetValue(exec), parse.GetValue(unitDir)),
                cancellationToken);
        });
        return new Command("service", "Run erpsync as a background service (systemd).") { install };
    }

    private sealed record InstallRequest(string? User, string? WorkDir, bool Print, bool Force, string Name, string? Exec, string? UnitDir);

    private static async Task<int> InstallAsync(CommandContext context, InstallRequest request, CancellationToken cancellationToken)
    {
        var host = context.Host;
        if (!UnitName().IsMatch(request.Name)) throw CliException.Usage($"--name '{request.Name}' is not a usable unit name; use letters, digits, '-' and '_' (e.g. erpsync-eu)");
        var user = request.User ?? (host.Environment.TryGetValue("SUDO_USER", out var sudoUser) && sudoUser.Length > 0 ? sudoUser : Environment.UserName);
        if (!UserName().IsMatch(user)) throw CliException.Usage($"--user '{user}' is not a valid account name");

        var workdir = Path.GetFullPath(request.WorkDir ?? ".", host.CurrentDirectory);
        if (!Directory.Exists(workdir)) throw CliException.Usage($"--workdir {workdir} does not exist; create it and put .env and config.yaml there (erpsync init)");

        // The configuration the service will read: from its working folder unless named explicitly.
        var explicitEnv = context.Sources.EnvFile is null ? null : context.Sources.EnvFilePath;
        var explicitConfig = context.Sources.ConfigFile is null ? null : context.Sources.ConfigFilePath;
        var sources = new ConfigSources(workdir, explicitEnv, explicitConfig, host.Environment);
        var loaded = ConfigLoader.Load(sources, ConfigRequirements.None);
        host.Redactor.Add(loaded.Config);
        var config = loaded.Config;

        var command = ServiceExecutable.Resolve(request.Exec, host.CurrentDirectory, host.Environment).ToList();
        command.Add("serve");
        if (explicitEnv is not null) command.AddRange(["--env-file", explicitEnv]);
        if (explicitConfig is not null) command.AddRange(["--config", explicitConfig]);

        var writable = new List<string> { workdir };
        if (config.Database.SqlitePath is { } db) AddFolder(writable, Path.GetDirectoryName(db));
        AddFolder(writable, Path.GetDirectoryName(config.Log.File));
        var after = config.Database.Provider == DatabaseProvider.PostgreSql && IsLocal(config.Database.Display) ? new[] { "postgresql.service" } : [];
        var options = new ServiceUnitOptions(request.Name, user, workdir, command, writable, after, config.Webhook.Port < 1024);
        var unit = SystemdUnit.Render(options);

        if (request.Print)
        {
            await context.Output.Out.WriteAsync(unit);
            return ExitCodes.Success;
        }

        var output = context.Output;
        WarnAboutConfiguration(context, sources, user, command[0]);
        var unitPath = Path.Combine(request.UnitDir is null ? DefaultUnitDirectory : Path.GetFullPath(request.UnitDir, host.CurrentDirectory), options.FileName);
        if (File.Exists(unitPath))
        {
            var existing = await File.ReadAllTextAsync(unitPath, cancellationToken);
            if (existing == unit)
            {
                output.Check(Mark.Skip, $"{unitPath} is already up to date");
                PrintNext(output, options, changed: false);
                return ExitCodes.Success;
            }

            if (!request.Force) throw new CliException($"{unitPath} already exists with different content; compare it with 'erpsync service install --print', then pass --force to replace it");
        }

        await WriteAsync(unitPath, unit, cancellationToken);
        output.Check(Mark.Ok, $"wrote {unitPath}");
        output.Line($"  runs '{string.Join(' ', command)}' as {user} in {workdir}");
        PrintNext(output, options, changed: true);
        return ExitCodes.Success;
    }

    private static void WarnAboutConfiguration(CommandContext context, ConfigSources sources, string user, string executable)
    {
        try
        {
            ConfigLoader.Load(sources, ConfigRequirements.All);
        }
        catch (ConfigurationException ex)
        {
            context.Output.Warning($"the configuration in {sources.CurrentDirectory} is not complete yet, so the service will not start until it is ({ex.Errors.Count} problem(s); 'erpsync doctor' lists them)");
        }

        if (user == "root") context.Output.Warning("the service will run as root; a dedicated account is safer: --user erpsync (create it with: sudo useradd --system --home-dir /nonexistent erpsync)");
        if (executable.Contains("/artifacts/", StringComparison.Ordinal) || executable.Contains("/bin/Debug/", StringComparison.Ordinal))
        {
            context.Output.Warning($"the service runs a development build ({executable}); publish one for servers (docs/operations.md, \"Installing\") and pass --exec");
        }
    }

    private static void PrintNext(CliOutput output, ServiceUnitOptions options, bool changed)
    {
        output.Line();
        output.Line("Next:");
        output.Line("  sudo systemctl daemon-reload");
        output.Line(changed ? $"  sudo systemctl enable --now {options.FileName}   # start now and at every boot" : $"  sudo systemctl restart {options.FileName}");
        output.Line($"  systemctl status {options.FileName}");
        output.Line($"  journalctl -u {options.FileName} -f          # follow its log");
        output.Line($"  sudo systemctl stop {options.FileName}          # before 'erpsync restore' or 'erpsync reset'");
    }

    private static async Task WriteAsync(string path, string content, CancellationToken cancellationToken)
    {
        var temporary = path + ".tmp";
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
            await using (var stream = new FileStream(temporary, options))
                await stream.WriteAsync(new UTF8Encoding(false).GetBytes(content), cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new CliException($"cannot write {path}: permission denied; run it with sudo, or 'erpsync service install --print > {Path.GetFileName(path)}' and install that file yourself", ExitCodes.Failure, ex);
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new CliException($"cannot write {path}: the folder does not exist (is this a systemd system?); use --print to see the unit", ExitCodes.Failure, ex);
        }
    }

    private static void AddFolder(List<string> folders, string? folder)
    {
        if (folder is null) return;
        var full = Path.TrimEndingDirectorySeparator(folder);
        if (!folders.Any(f => full == f || full.StartsWith(f + "/", StringComparison.Ordinal))) folders.Add(full);
    }

    private static bool IsLocal(string display) =>
        display.Contains(" localhost:", StringComparison.OrdinalIgnoreCase) || display.Contains(" 127.0.0.1:", StringComparison.Ordinal) || display.Contains("::1", StringComparison.Ordinal);

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex UnitName();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.-]{0,31}\\$?$")]
    private static partial Regex UserName();
}
