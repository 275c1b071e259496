using ErpSync.Store.Tests.Contract;

namespace ErpSync.Store.Tests.Sqlite;

public sealed class SqliteServerPresenceTests(SqliteTarget target) : ServerPresenceContractTests(target), IClassFixture<SqliteTarget>;
