using ErpSync.Store.Tests.Contract;

namespace ErpSync.Store.Tests.Sqlite;

public sealed class SqliteWorkQueueTests(SqliteTarget target) : WorkQueueContractTests(target), IClassFixture<SqliteTarget>;
