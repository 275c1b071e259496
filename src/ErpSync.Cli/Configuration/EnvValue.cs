namespace ErpSync.Cli.Configuration;

/// <summary>A setting's value and where it came from (for messages that name the place, never the value).</summary>
/// <param name="Key">The key.</param>
/// <param name="Value">The value; may be a secret.</param>
/// <param name="Source">The .env path, or <c>environment</c>.</param>
/// <param name="Line">Line in the .env file.</param>
/// <param name="BaseDirectory">Folder a relative path in this value resolves against.</param>
internal sealed record EnvValue(string Key, string Value, string Source, int? Line, string BaseDirectory)
{
    public const string EnvironmentSource = "environment";

    public ConfigError Error(string problem, string fix) => new(Source, Key, problem, fix, Line);

    public override string ToString() => $"{Key} from {Source}";
}
