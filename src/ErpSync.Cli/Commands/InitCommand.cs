using System.CommandLine;
using System.Security.Cryptography;
using ErpSync.Cli.Configuration;
using ErpSync.Cli.Init;
using ErpSync.Cli.Internal.Invocation;
using ErpSync.Cli.Internal.Output;

namespace ErpSync.Cli.Commands;

/// <summary>
/// <c>erpsync init</c>: writes commented <c>config.yaml</c> and <c>.env</c> templates (never overwriting either),
/// then creates the state database through <see cref="IStateDatabaseInitializer"/>.
/// </summary>
internal static class InitCommand
{
    public static Command Create() =>
        new Command("init", "Write commented config.yaml and .env templates (never overwrites) and create the state database.")
            .WithBody(RunAsync);

    private static async Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var output = context.Output;
        var sources = context.Sources;
        WriteIfAbsent(output, sources.ConfigFilePath, ConfigTemplates.ConfigYaml, secret: false);
        var envTemplate = ConfigTemplates.EnvFile.Replace(
            "WEBHOOK_SECRET=\n", $"WEBHOOK_SECRET={RandomNumberGenerator.GetHexString(64, lowercase: true)}\n", StringComparison.Ordinal);
        var wroteEnv = WriteIfAbsent(output, sources.EnvFilePath, envTemplate, secret: true);

        // The files now on disk — ours or the user's — must make sense before anything is built on them.
        var config = context.LoadConfig(ConfigRequirements.None);

        var database = await context.Host.StateDatabase.InitializeAsync(config.Database, cancellationToken);
        output.Check(Mark.Ok, $"state database: {database.Message}");

        output.Line();
        if (wroteEnv || config.Cloud is null || config.Local is null)
        {
            output.Line($"Next: fill in the site addresses and API keys in {sources.EnvFilePath},");
            output.Line($"review the DocTypes in {sources.ConfigFilePath}, then run 'erpsync test'.");
        }
        else
        {
            output.Line("Next: run 'erpsync test' to check both sites.");
        }

        return ExitCodes.Success;
    }

    private static bool WriteIfAbsent(CliOutput output, string path, string content, bool secret)
    {
        if (File.Exists(path))
        {
            output.Check(Mark.Skip, $"{path} already exists; left unchanged");
            return false;
        }

        try
        {
            var directory = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };

            // Secrets go in a file only its owner can read, as ssh does with its keys.
            if (secret && !OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var writer = new StreamWriter(path, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options))
            {
                writer.Write(content.ReplaceLineEndings("\n"));
                if (!content.EndsWith('\n')) writer.Write('\n');
            }

            output.Check(Mark.Ok, $"wrote {path}");
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Created by someone else between the check and the write: still never overwritten.
            output.Check(Mark.Skip, $"{path} already exists; left unchanged");
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write {path}: {ex.Message.TrimEnd('.')}. Check that the folder exists and is writable, or choose another path with --config/--env-file", ExitCodes.Failure, ex);
        }
    }
}
