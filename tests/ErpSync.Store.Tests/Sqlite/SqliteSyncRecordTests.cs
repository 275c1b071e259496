using ErpSync.Store.Tests.Contract;

namespace ErpSync.Store.Tests.Sqlite;

public sealed class SqliteSyncRecordTests(SqliteTarget target) : SyncRecordContractTests(target), IClassFixture<SqliteTarget>;
