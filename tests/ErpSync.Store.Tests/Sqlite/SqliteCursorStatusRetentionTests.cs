using ErpSync.Store.Tests.Contract;

namespace ErpSync.Store.Tests.Sqlite;

public sealed class SqliteCursorStatusRetentionTests(SqliteTarget target) : CursorStatusRetentionContractTests(target), IClassFixture<SqliteTarget>;
