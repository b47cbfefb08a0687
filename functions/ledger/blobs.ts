import { all, marks, slices } from "./sql.js";

/**
 * Which of these R2 keys does a row of this store still reference? Keys are
 * `<org>/grids|findings|files/<sha>.<ext>` (submissions) and `<org>/ruleset|template|mapping/<sha>.json`
 * (published versions); each question is an index lookup.
 */
export function referencedKeys(sql: SqlStorage, keys: string[]): Set<string> {
  const out = new Set<string>();
  const groups = new Map<string, { org: string; column: string; keyOf: Map<string, string> }>();
  const docKeys: string[] = [];
  for (const key of keys) {
    const m = /^([^/]+)\/(grids|findings|files)\/([0-9a-f]{64})\.[a-z]+$/.exec(key);
    if (!m) {
      docKeys.push(key);
      continue;
    }
    const column = COLUMN[m[2] as keyof typeof COLUMN];
    const g = `${m[1]}\u0000${column}`;
    let group = groups.get(g);
    if (!group) groups.set(g, (group = { org: m[1]!, column, keyOf: new Map() }));
    group.keyOf.set(m[3]!, key);
  }
  for (const { org, column, keyOf } of groups.values()) {
    for (const part of slices([...keyOf.keys()])) {
      for (const r of all<{ v: string }>(sql, `SELECT DISTINCT ${column} AS v FROM submissions WHERE ${column} IN (${marks(part.length)}) AND org_id = ?`, ...part, org)) {
        out.add(keyOf.get(r.v)!);
      }
    }
  }
  for (const part of slices(docKeys)) {
    for (const r of all<{ v: string }>(sql, `SELECT DISTINCT r2_key AS v FROM published_versions WHERE r2_key IN (${marks(part.length)})`, ...part)) out.add(r.v);
  }
  return out;
}

/** An uploaded file is also the submission's content (grid_sha256), but its key says files/. */
const COLUMN = { grids: "grid_sha256", findings: "findings_sha256", files: "file_sha256" } as const;

/** Note keys this object deleted, so a later commit that references one puts it back. */
export function recordDeleted(sql: SqlStorage, keys: string[], at: string): void {
  for (const key of keys) sql.exec("INSERT INTO deleted_blobs (r2_key, deleted_at) VALUES (?, ?) ON CONFLICT (r2_key) DO UPDATE SET deleted_at = excluded.deleted_at", key, at);
}

/**
 * Of the keys a commit references, those this object deleted: the writer must put them again.
 * Their notes are dropped: the keys are referenced from now on, so nothing deletes them again.
 */
export function takeDeleted(sql: SqlStorage, keys: string[]): string[] {
  const hit: string[] = [];
  for (const part of slices(keys)) {
    for (const r of all<{ r2_key: string }>(sql, `SELECT r2_key FROM deleted_blobs WHERE r2_key IN (${marks(part.length)})`, ...part)) hit.push(r.r2_key);
  }
  for (const key of hit) sql.exec("DELETE FROM deleted_blobs WHERE r2_key = ?", key);
  return hit;
}
