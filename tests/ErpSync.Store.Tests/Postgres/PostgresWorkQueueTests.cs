using ErpSync.Store.Tests.Contract;

namespace ErpSync.Store.Tests.Postgres;

public sealed class PostgresWorkQueueTests(PostgresTarget target) : WorkQueueContractTests(target), IClassFixture<PostgresTarget>;
