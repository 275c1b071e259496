namespace ErpSync.Cli.Tests.Support;

/// <summary>Known-good configuration files to start from; tests break one thing at a time.</summary>
internal static class ConfigFiles
{
    public const string CloudSecret = "cl0ud-s3cret-9f8e7d6c5b4a";
    public const string LocalSecret = "l0cal-s3cret-1a2b3c4d5e6f";
    public const string WebhookSecret = "whs-7c1e0b9a8f7d6e5c4b3a2918";

    public const string ValidEnv = $"""
        CLOUD_ERP_URL=https://erp.example.com
        CLOUD_API_KEY=cloudkey123
        CLOUD_API_SECRET={CloudSecret}
        LOCAL_ERP_URL=http://localhost:8000
        LOCAL_API_KEY=localkey456
        LOCAL_API_SECRET={LocalSecret}
        WEBHOOK_HOST=0.0.0.0
        WEBHOOK_PORT=5000
        WEBHOOK_SECRET={WebhookSecret}
        """;

    public const string ValidConfig = """
        sync_rules:
          doctypes:
            - Customer
            - Item
          conflict_resolution: latest_timestamp
        """;

    /// <summary>
    /// A valid folder whose sites refuse connections at once (port 1 on this machine): commands that contact the
    /// sites get past validation and fail fast and deterministically, without DNS or network.
    /// </summary>
    public static TempFolder UnreachableFolder()
    {
        var folder = ValidFolder();
        folder.Write(".env", ValidEnv.Replace("https://erp.example.com", "http://127.0.0.1:1", StringComparison.Ordinal)
            .Replace("http://localhost:8000", "http://127.0.0.1:1", StringComparison.Ordinal));
        return folder;
    }

    /// <summary>A folder holding <see cref="ValidEnv"/> and <see cref="ValidConfig"/>.</summary>
    public static TempFolder ValidFolder()
    {
        var folder = new TempFolder();
        folder.Write(".env", ValidEnv);
        folder.Write("config.yaml", ValidConfig);
        return folder;
    }
}
