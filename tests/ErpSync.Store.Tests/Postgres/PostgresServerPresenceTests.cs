using ErpSync.Store.Tests.Contract;

namespace ErpSync.Store.Tests.Postgres;

public sealed class PostgresServerPresenceTests(PostgresTarget target) : ServerPresenceContractTests(target), IClassFixture<PostgresTarget>;
