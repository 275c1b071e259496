using ErpSync.Store.Tests.Contract;

namespace ErpSync.Store.Tests.Postgres;

public sealed class PostgresAuditTests(PostgresTarget target) : AuditContractTests(target), IClassFixture<PostgresTarget>;
