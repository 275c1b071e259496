using ErpSync.Store.Tests.Contract;

namespace ErpSync.Store.Tests.Sqlite;

public sealed class SqliteMaintenanceTests(SqliteTarget target) : MaintenanceContractTests(target), IClassFixture<SqliteTarget>;
