using ErpSync.Store.Tests.Contract;

namespace ErpSync.Store.Tests.Postgres;

public sealed class PostgresMaintenanceTests(PostgresTarget target) : MaintenanceContractTests(target), IClassFixture<PostgresTarget>;
