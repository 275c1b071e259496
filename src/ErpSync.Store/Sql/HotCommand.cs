using System.Data.Common;

namespace ErpSync.Store.Sql;

/// <summary>
/// A command for a statement run thousands of times a second (enqueue, complete). On SQLite it is
/// prepared once per writer connection and reused — preparing costs more than executing — so it is
/// not disposed after use; on PostgreSQL it is an ordinary command disposed after use.
/// </summary>
internal readonly struct HotCommand(DbCommand command, bool owned) : IAsyncDisposable
{
    public DbCommand Command => command;

    public HotCommand Set(string name, object? value)
    {
        var parameter = command.Parameters.Contains(name) ? command.Parameters[name] : command.Parameters["@" + name];
        parameter.Value = value ?? DBNull.Value;
        return this;
    }

    /// <summary>Sets every parameter, in the order they were named.</summary>
    public HotCommand SetAll(IReadOnlyList<object?> values)
    {
        for (var i = 0; i < values.Count; i++)
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        return this;
    }

    public ValueTask DisposeAsync() => owned ? command.DisposeAsync() : ValueTask.CompletedTask;
}
