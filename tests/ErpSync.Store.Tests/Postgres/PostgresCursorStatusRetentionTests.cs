using ErpSync.Store.Tests.Contract;

namespace ErpSync.Store.Tests.Postgres;

public sealed class PostgresCursorStatusRetentionTests(PostgresTarget target) : CursorStatusRetentionContractTests(target), IClassFixture<PostgresTarget>;
