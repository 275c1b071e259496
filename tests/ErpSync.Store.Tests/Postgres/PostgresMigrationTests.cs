using ErpSync.Store.Tests.Contract;

namespace ErpSync.Store.Tests.Postgres;

public sealed class PostgresMigrationTests(PostgresTarget target) : MigrationContractTests(target), IClassFixture<PostgresTarget>;
