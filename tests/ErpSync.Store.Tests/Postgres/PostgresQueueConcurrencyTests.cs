using ErpSync.Store.Tests.Contract;

namespace ErpSync.Store.Tests.Postgres;

public sealed class PostgresQueueConcurrencyTests(PostgresTarget target) : QueueConcurrencyContractTests(target), IClassFixture<PostgresTarget>;
