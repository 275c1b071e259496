using ErpSync.Store.Tests.Contract;

namespace ErpSync.Store.Tests.Sqlite;

public sealed class SqliteMigrationTests(SqliteTarget target) : MigrationContractTests(target), IClassFixture<SqliteTarget>;
