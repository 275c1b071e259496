using System.Data.Common;
using ErpSync.Store;

namespace ErpSync.Store.Tests.Contract;

/// <summary>Where a contract test class gets its databases: each call names a new, empty one.</summary>
public interface IStoreTarget
{
    StateProvider Provider { get; }

    /// <summary>An <c>ERPSYNC_DB</c> setting for a database no other test uses.</summary>
    Task<string> NewSettingAsync(CancellationToken cancellationToken);

    /// <summary>Runs raw SQL on the database <paramref name="setting"/> names, as a user would, and returns the first column of the first row.</summary>
    Task<object?> ScalarAsync(string setting, string sql, CancellationToken cancellationToken);

    /// <summary>An open raw connection to the database <paramref name="setting"/> names.</summary>
    Task<DbConnection> OpenConnectionAsync(string setting, CancellationToken cancellationToken);
}
