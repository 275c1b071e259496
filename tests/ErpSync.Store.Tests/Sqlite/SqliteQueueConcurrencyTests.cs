using ErpSync.Store.Tests.Contract;

namespace ErpSync.Store.Tests.Sqlite;

public sealed class SqliteQueueConcurrencyTests(SqliteTarget target) : QueueConcurrencyContractTests(target), IClassFixture<SqliteTarget>;
