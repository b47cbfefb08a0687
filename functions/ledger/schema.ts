import init from "../../migrations/ledger/0001_init.sql";
import smallBlobs from "../../migrations/ledger/0002_small_blobs.sql";

/**
 * The store's schema migrations (migrations/ledger/, beside the D1 migrations), in order. Each is
 * applied once, in one transaction with the row that records it, when the object first wakes up
 * after a deploy: an object is never used half-migrated.
 */
export const LEDGER_MIGRATIONS: { name: string; sql: string }[] = [
  { name: "0001_init", sql: init },
  { name: "0002_small_blobs", sql: smallBlobs },
];

export function migrate(storage: DurableObjectStorage): void {
  const sql = storage.sql;
  sql.exec("CREATE TABLE IF NOT EXISTS _migrations (name TEXT NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL) WITHOUT ROWID");
  const done = new Set(sql.exec("SELECT name FROM _migrations").toArray().map((r) => String(r.name)));
  for (const m of LEDGER_MIGRATIONS) {
    if (done.has(m.name)) continue;
    storage.transactionSync(() => {
      sql.exec(m.sql);
      sql.exec("INSERT INTO _migrations (name, applied_at) VALUES (?, ?)", m.name, new Date().toISOString());
    });
  }
}
