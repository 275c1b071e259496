namespace ErpSync.Store.Operations;

/// <summary>An operation that needs the database to itself found a server or another process holding it.</summary>
public sealed class StateDatabaseInUseException : StateDatabaseException
{
    /// <summary>Creates the exception.</summary>
    public StateDatabaseInUseException()
    {
        Holders = DatabaseHolders.None;
    }

    /// <summary>Creates the exception with a message.</summary>
    public StateDatabaseInUseException(string message)
        : base(message)
    {
        Holders = DatabaseHolders.None;
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public StateDatabaseInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
        Holders = DatabaseHolders.None;
    }

    /// <summary>Creates the exception for <paramref name="path"/> held by <paramref name="holders"/>.</summary>
    public StateDatabaseInUseException(string path, DatabaseHolders holders)
        : base(Describe(path, holders))
    {
        Holders = holders;
    }

    /// <summary>Who holds it.</summary>
    public DatabaseHolders Holders { get; }

    private static string Describe(string path, DatabaseHolders holders)
    {
        ArgumentNullException.ThrowIfNull(holders);
        return holders.LiveServers.Count > 0
            ? $"The state database {path} is in use by {string.Join("; ", holders.LiveServers.Select(s => s.Describe()))}. Stop it first."
            : $"The state database {path} is open in another process. Stop that process (an erpsync server or command) first.";
    }
}
