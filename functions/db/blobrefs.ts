/**
 * Which R2 keys do D1 rows still reference? Used by the orphan-blob sweep (lib/sweep.ts).
 * Key shapes (lib/blobs.ts `blobKey`): `<org>/grids|findings/<sha>.json` and
 * `<org>/files/<sha>.xlsx` (submissions), `<org>/ruleset|template|mapping/<sha>.json` (published_versions).
 */
export type BlobKind = "grids" | "findings" | "files" | "ruleset" | "template" | "mapping";

export interface BlobRef {
  key: string;
  orgId: string;
  kind: BlobKind;
  sha256: string;
}

const KEY = /^([a-z0-9][a-z0-9-]{1,39})\/(grids|findings|files|ruleset|template|mapping)\/([0-9a-f]{64})\.(json|xlsx)$/;

/** A key this Worker writes, or null for any other shape (which the sweep never touches). */
export function parseBlobKey(key: string): BlobRef | null {
  const m = KEY.exec(key);
  if (!m) return null;
  const kind = m[2] as BlobKind;
  if ((m[4] === "xlsx") !== (kind === "files")) return null;
  return { key, orgId: m[1]!, kind, sha256: m[3]! };
}

const SUBMISSION_COLUMN = { grids: "grid_sha256", findings: "findings_sha256", files: "file_sha256" } as const;
/** Bound parameters per statement: D1 allows 100; 2 go to org and kind. */
const CHUNK = 90;

/**
 * The subset of `refs` that some D1 row references, in one D1 batch (read-only), one
 * statement per (organisation, kind) and ≤ 90 keys, each an index lookup (migration 0002).
 */
export async function referencedKeys(db: D1Database, refs: BlobRef[]): Promise<Set<string>> {
  const groups = new Map<string, BlobRef[]>();
  for (const r of refs) {
    const g = `${r.orgId}\u0000${r.kind}`;
    groups.set(g, [...(groups.get(g) ?? []), r]);
  }
  const stmts: D1PreparedStatement[] = [];
  /** Per statement: the value it returns (r2_key or sha256) → the key it stands for. */
  const keyOf: Map<string, string>[] = [];
  for (const group of groups.values()) {
    const { orgId, kind } = group[0]!;
    for (let i = 0; i < group.length; i += CHUNK) {
      const chunk = group.slice(i, i + CHUNK);
      const marks = chunk.map(() => "?").join(", ");
      if (kind === "ruleset" || kind === "template" || kind === "mapping") {
        stmts.push(
          db
            .prepare(`SELECT DISTINCT r2_key AS v FROM published_versions WHERE org_id = ? AND kind = ? AND r2_key IN (${marks})`)
            .bind(orgId, kind, ...chunk.map((r) => r.key)),
        );
        keyOf.push(new Map(chunk.map((r) => [r.key, r.key])));
      } else {
        const col = SUBMISSION_COLUMN[kind];
        stmts.push(
          db
            .prepare(`SELECT DISTINCT ${col} AS v FROM submissions WHERE org_id = ? AND ${col} IN (${marks})`)
            .bind(orgId, ...chunk.map((r) => r.sha256)),
        );
        keyOf.push(new Map(chunk.map((r) => [r.sha256, r.key])));
      }
    }
  }
  const out = new Set<string>();
  if (stmts.length === 0) return out;
  const results = await db.batch<{ v: string }>(stmts);
  results.forEach((res, i) => {
    for (const row of res.results) {
      const key = keyOf[i]!.get(row.v);
      if (key) out.add(key);
    }
  });
  return out;
}
