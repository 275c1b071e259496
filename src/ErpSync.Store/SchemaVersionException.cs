namespace ErpSync.Store;

/// <summary>The database's schema is newer than this build knows; opening it is refused so nothing is damaged.</summary>
public sealed class SchemaVersionException : StateDatabaseException
{
    /// <summary>Creates the exception.</summary>
    public SchemaVersionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SchemaVersionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public SchemaVersionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a database at <paramref name="databaseVersion"/> opened by a build that knows up to <paramref name="supportedVersion"/>.</summary>
    public SchemaVersionException(string description, int databaseVersion, int supportedVersion)
        : base($"The state database {description} has schema version {databaseVersion}, but this erpsync only knows versions up to {supportedVersion}. "
            + "It was written by a newer erpsync: upgrade erpsync, or point ERPSYNC_DB at another database.")
    {
        DatabaseVersion = databaseVersion;
        SupportedVersion = supportedVersion;
    }

    /// <summary>The version recorded in the database.</summary>
    public int DatabaseVersion { get; }

    /// <summary>The newest version this build knows.</summary>
    public int SupportedVersion { get; }
}
