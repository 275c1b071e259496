namespace ErpSync.Cli.Init;

/// <summary>
/// The commented files <c>erpsync init</c> writes. Every key is explained and set to its default, so the
/// files pass validation as soon as the site URLs and API keys are filled in (a test keeps that true).
/// </summary>
internal static class ConfigTemplates
{
    public const string ConfigYaml = """
        # ErpSync sync rules. Written by `erpsync init`; edit freely (unknown keys are refused at start,
        # with the line and a suggestion). URLs and secrets live in .env, not here.

        sync_rules:
          # DocTypes to keep in sync, by their exact name. A full sync orders them by their links
          # (Item Group before Item, Customer before Sales Order), whatever the order here.
          doctypes:
            - Customer
            - Supplier
            - Item Group
            - Item
            # - Sales Order
            # - Purchase Order
            # - Sales Invoice
            # - Quotation
            # - Delivery Note
            # - Payment Entry

          # Fields never compared or copied, on every DocType and child row. System fields (name, owner,
          # creation, modified, modified_by, idx, docstatus, _user_tags, _comments, _assign, _liked_by, _seen)
          # are always left out; list only your own, e.g. a per-site custom field.
          exclude_fields: []

          # What happens when a document changed on both sites since the last sync:
          #   merge            take each field from the side that changed it; fields changed on both sides
          #                    to different values are settled by merge_fallback (default)
          #   latest_timestamp the side with the later `modified` wins (compared in UTC)
          #   cloud_wins       the cloud's version wins
          #   local_wins       the local version wins
          #   manual           record a conflict and write nothing; settle it with `erpsync conflicts`
          # CONFLICT_RESOLUTION in .env is used only when this key is absent.
          conflict_resolution: merge

          # With merge: how fields changed on both sides are settled (latest_timestamp, cloud_wins,
          # local_wins or manual). manual never overwrites anyone's edit silently.
          merge_fallback: manual

          # Failed documents are retried with exponential backoff (about backoff_seconds x 2^(n-1), with
          # jitter), then dead-lettered; `erpsync retry` re-queues them.
          retry:
            max_attempts: 5
            backoff_seconds: 2

          # Rows per list page and documents per batch (1-1000).
          batch_size: 100

          # Per-DocType overrides; anything left out follows the settings above.
          #   direction            bidirectional (default), cloud_to_local or local_to_cloud
          #   conflict_resolution  as above, for this DocType only
          #   merge_fallback       as above, for this DocType only
          #   naming               auto (default: read the DocType's autoname), same (names are equal on
          #                        both sites: naming by field or prompt), mapped (each site names its own
          #                        copy: naming series, hash, autoincrement)
          #   key_fields           child table fieldname -> field(s) identifying a row, so rows merge one by
          #                        one instead of the whole table counting as one field
          #   exclude_fields       extra fields left out for this DocType
          doctype_rules: {}
          #  Item:
          #    direction: cloud_to_local
          #  Sales Order:
          #    conflict_resolution: manual
          #    key_fields:
          #      items: [item_code]

        server:
          # Queue workers per `erpsync serve` process (1-64).
          workers: 4
          # Seconds between sweeps of each site for changes that sent no webhook; 0 turns the sweep off.
          sweep_interval_seconds: 60
          # Largest webhook body accepted, in bytes; bigger requests get 413.
          max_body_bytes: 1048576
          # Seconds a worker owns a claimed queue item before another worker (or process) may take it over.
          lease_seconds: 120
          # When the server runs a full reconciliation, in the server's local time: off, hourly,
          # daily HH:MM, weekly DAY HH:MM, every N minutes|hours, or a cron expression such as 0 2 * * *.
          reconcile_schedule: daily 02:00

        retention:
          # Days of the sync_logs audit kept (0 = forever).
          logs_days: 90
          # Days processed webhook queue items are kept (0 = forever).
          queue_days: 30

        alerts:
          # Incoming-webhook URL alerts are POSTed to as JSON (chat or paging tool); empty = log only.
          webhook_url:
          # An alert fires when a figure reaches its threshold; 0 turns that alert off.
          thresholds:
            errors: 10                # document pairs in error
            dead_letters: 1           # dead-lettered queue items
            unresolved_conflicts: 1   # conflicts waiting for a decision
            queue_age_seconds: 300    # age of the oldest pending webhook
            site_unreachable: 120     # seconds a site may stay unreachable

        log:
          # Log file, relative to this file's folder. A new file starts each day and at max_file_bytes
          # (erpsync20250101.log, erpsync20250101_001.log, ...); retained_files are kept.
          file: erpsync.log
          # verbose, debug, information, warning, error or fatal.
          level: information
          max_file_bytes: 10485760
          retained_files: 14
          # text (one line per event) or json (one JSON object per line, for log shippers).
          format: text
        """;

    public const string EnvFile = """
        # ErpSync site addresses and secrets. Written by `erpsync init`.
        # Keep this file private (it is created readable by you only) and out of version control.
        # Any key may instead come from the process environment, which wins over this file.
        #
        # API keys: in each ERPNext site, open the user ErpSync acts as (User list > the user; a dedicated
        # user with the roles of the synced DocTypes is best), go to Settings > API Access and press
        # "Generate Keys". Copy the API Key, and the API Secret, which is shown only once.

        # The cloud site: its address, e.g. https://erp.example.com
        CLOUD_ERP_URL=
        CLOUD_API_KEY=
        CLOUD_API_SECRET=

        # The local (on-premises) site, e.g. http://localhost:8000
        LOCAL_ERP_URL=
        LOCAL_API_KEY=
        LOCAL_API_SECRET=

        # Where `erpsync serve` listens for webhooks: 0.0.0.0 = every interface, 127.0.0.1 = this machine only.
        WEBHOOK_HOST=0.0.0.0
        WEBHOOK_PORT=5000
        # Shared secret both sites sign their webhooks with. `erpsync init` filled in a random one;
        # `erpsync setup-webhook --apply` puts it on both sites.
        WEBHOOK_SECRET=

        # Conflict strategy, used only when config.yaml has no sync_rules.conflict_resolution:
        # merge, latest_timestamp, cloud_wins, local_wins or manual.
        # CONFLICT_RESOLUTION=latest_timestamp

        # The state database: a SQLite file (relative to this file's folder), or PostgreSQL when several
        # `erpsync serve` processes share the work: postgres://user:password@host:5432/dbname
        # or Host=host;Port=5432;Database=erpsync;Username=erpsync;Password=...
        ERPSYNC_DB=sync_state.db
        """;
}
