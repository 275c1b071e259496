using ErpSync.Store.Tests.Contract;

namespace ErpSync.Store.Tests.Postgres;

public sealed class PostgresDocumentLockTests(PostgresTarget target) : DocumentLockContractTests(target), IClassFixture<PostgresTarget>;
