namespace ErpSync.Store.Schema;

/// <summary>
/// The SQLite schema. Table and column names of the original tool are kept so its users' SQL still runs;
/// times are UTC text <c>YYYY-MM-DD HH:MM:SS.fff</c> (comparable with <c>datetime('now', …)</c>), booleans 0/1.
/// </summary>
internal static class SqliteSchema
{
    public static SchemaDefinition Definition { get; } = new(
        [
            new Migration(1, "sync_records, sync_logs, conflict_records, webhook_queue, sync_cursors", Version1),
            new Migration(2, "server_instances: heartbeats of running servers", Version2),
        ],
        """
        CREATE TABLE IF NOT EXISTS schema_version (
            version INTEGER PRIMARY KEY,
            description TEXT NOT NULL,
            applied_at TEXT NOT NULL
        );
        """,
        "",
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('sync_records', 'sync_logs', 'conflict_records', 'webhook_queue', 'sync_cursors')");

    private const string Version1 = """
        CREATE TABLE sync_records (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            doctype TEXT NOT NULL,
            docname TEXT NOT NULL,
            cloud_modified TEXT,
            local_modified TEXT,
            last_synced TEXT,
            sync_hash_cloud TEXT,
            sync_hash_local TEXT,
            sync_direction TEXT,
            is_syncing INTEGER NOT NULL DEFAULT 0 CHECK (is_syncing IN (0, 1)),
            sync_status TEXT NOT NULL DEFAULT 'pending'
                CHECK (sync_status IN ('pending', 'synced', 'error', 'conflict', 'failed', 'deleted')),
            error_message TEXT,
            retry_count INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            cloud_name TEXT,
            local_name TEXT,
            cloud_docstatus INTEGER,
            local_docstatus INTEGER,
            base_snapshot TEXT,
            CHECK (cloud_name IS NOT NULL OR local_name IS NOT NULL)
        );
        CREATE UNIQUE INDEX ux_sync_records_cloud_name ON sync_records (doctype, cloud_name) WHERE cloud_name IS NOT NULL;
        CREATE UNIQUE INDEX ux_sync_records_local_name ON sync_records (doctype, local_name) WHERE local_name IS NOT NULL;
        CREATE INDEX ix_sync_records_docname ON sync_records (doctype, docname);
        CREATE INDEX ix_sync_records_status ON sync_records (sync_status, doctype);

        CREATE TABLE sync_logs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            timestamp TEXT NOT NULL,
            doctype TEXT NOT NULL,
            docname TEXT NOT NULL,
            action TEXT NOT NULL,
            direction TEXT NOT NULL,
            status TEXT NOT NULL,
            message TEXT,
            changes_json TEXT,
            cloud_name TEXT,
            local_name TEXT
        );
        CREATE INDEX ix_sync_logs_timestamp ON sync_logs (timestamp);
        CREATE INDEX ix_sync_logs_docname ON sync_logs (doctype, docname);
        CREATE INDEX ix_sync_logs_cloud_name ON sync_logs (doctype, cloud_name) WHERE cloud_name IS NOT NULL;
        CREATE INDEX ix_sync_logs_local_name ON sync_logs (doctype, local_name) WHERE local_name IS NOT NULL;

        CREATE TABLE conflict_records (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            doctype TEXT NOT NULL,
            docname TEXT NOT NULL,
            cloud_data TEXT,
            local_data TEXT,
            cloud_modified TEXT,
            local_modified TEXT,
            resolved INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),
            resolution TEXT,
            resolved_at TEXT,
            created_at TEXT NOT NULL,
            sync_record_id INTEGER REFERENCES sync_records (id) ON DELETE SET NULL,
            cloud_name TEXT,
            local_name TEXT,
            base_data TEXT,
            conflicting_fields TEXT NOT NULL DEFAULT '[]',
            reason TEXT,
            strategy TEXT
        );
        CREATE INDEX ix_conflict_records_resolved ON conflict_records (resolved, id);
        CREATE INDEX ix_conflict_records_sync_record ON conflict_records (sync_record_id);

        CREATE TABLE webhook_queue (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            source TEXT NOT NULL CHECK (source IN ('cloud', 'local')),
            doctype TEXT NOT NULL,
            docname TEXT NOT NULL,
            action TEXT NOT NULL,
            payload TEXT NOT NULL DEFAULT '',
            processed INTEGER NOT NULL DEFAULT 0 CHECK (processed IN (0, 1)),
            processing INTEGER NOT NULL DEFAULT 0 CHECK (processing IN (0, 1)),
            created_at TEXT NOT NULL,
            processed_at TEXT,
            error_message TEXT,
            retry_count INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'processing', 'processed', 'dead')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            lease_owner TEXT,
            lease_expires_at TEXT
        );
        CREATE INDEX ix_webhook_queue_active ON webhook_queue (id) WHERE status IN ('pending', 'processing');
        CREATE INDEX ix_webhook_queue_document ON webhook_queue (source, doctype, docname, status);
        CREATE INDEX ix_webhook_queue_due ON webhook_queue (next_attempt_at) WHERE status = 'pending';
        CREATE INDEX ix_webhook_queue_lease ON webhook_queue (lease_expires_at) WHERE status = 'processing';
        CREATE INDEX ix_webhook_queue_processed ON webhook_queue (processed_at) WHERE status = 'processed';
        CREATE INDEX ix_webhook_queue_dead ON webhook_queue (doctype) WHERE status = 'dead';

        CREATE TABLE sync_cursors (
            site TEXT NOT NULL CHECK (site IN ('cloud', 'local')),
            doctype TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('modified', 'deleted')),
            ts TEXT NOT NULL,
            name TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (site, doctype, kind)
        );
        """;

    // A running server refreshes its row every few seconds; restore and reset refuse while a row is unexpired.
    private const string Version2 = """
        CREATE TABLE server_instances (
            instance_id TEXT PRIMARY KEY,
            host TEXT NOT NULL,
            pid INTEGER NOT NULL,
            version TEXT,
            started_at TEXT NOT NULL,
            last_seen_at TEXT NOT NULL,
            expires_at TEXT NOT NULL
        );
        CREATE INDEX ix_server_instances_expires ON server_instances (expires_at);
        """;
}
