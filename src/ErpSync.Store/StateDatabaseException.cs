namespace ErpSync.Store;

/// <summary>
/// The state database cannot be used as configured (bad setting, unreachable server, foreign or newer
/// schema). The message says what is wrong and how to fix it, and never holds a password.
/// </summary>
public class StateDatabaseException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StateDatabaseException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public StateDatabaseException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public StateDatabaseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
