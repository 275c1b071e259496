using ErpSync.Store.Tests.Contract;

namespace ErpSync.Store.Tests.Postgres;

public sealed class PostgresSyncRecordTests(PostgresTarget target) : SyncRecordContractTests(target), IClassFixture<PostgresTarget>;
