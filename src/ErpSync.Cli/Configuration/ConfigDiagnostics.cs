namespace ErpSync.Cli.Configuration;

/// <summary>Collects every problem and warning of one load, so the user sees them all at once.</summary>
internal sealed class ConfigDiagnostics
{
    private readonly List<ConfigError> errors = [];
    private readonly List<string> warnings = [];

    public IReadOnlyList<ConfigError> Errors => errors;

    public IReadOnlyList<string> Warnings => warnings;

    public void Error(ConfigError error) => errors.Add(error);

    public void Warn(string warning) => warnings.Add(warning);
}
