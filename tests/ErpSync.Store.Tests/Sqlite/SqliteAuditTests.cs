using ErpSync.Store.Tests.Contract;

namespace ErpSync.Store.Tests.Sqlite;

public sealed class SqliteAuditTests(SqliteTarget target) : AuditContractTests(target), IClassFixture<SqliteTarget>;
