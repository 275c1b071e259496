using ErpSync.Cli.Internal.Invocation;

namespace ErpSync.Cli.Configuration;

/// <summary>The configuration was refused; carries every problem found, not only the first.</summary>
internal sealed class ConfigurationException : CliException
{
    public ConfigurationException(IReadOnlyList<ConfigError> errors)
        : base(Summarize(errors), ExitCodes.Failure)
    {
        Errors = errors;
    }

    public IReadOnlyList<ConfigError> Errors { get; }

    /// <inheritdoc />
    public override IReadOnlyList<string> DetailLines => Errors.Count > 1 ? Errors.Select(e => e.ToString()).ToList() : [];

    private static string Summarize(IReadOnlyList<ConfigError> errors) => errors.Count switch
    {
        0 => "the configuration is invalid",
        1 => errors[0].ToString(),
        _ => $"the configuration has {errors.Count} problems:",
    };
}
