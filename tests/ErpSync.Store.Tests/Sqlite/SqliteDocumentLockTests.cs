using ErpSync.Store.Tests.Contract;

namespace ErpSync.Store.Tests.Sqlite;

public sealed class SqliteDocumentLockTests(SqliteTarget target) : DocumentLockContractTests(target), IClassFixture<SqliteTarget>;
