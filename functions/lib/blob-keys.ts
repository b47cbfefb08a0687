/**
 * The R2 keys this Worker writes (lib/blobs.ts `blobKey`): `<org>/grids|findings/<sha>.json` and
 * `<org>/files/<sha>.xlsx` (submissions), `<org>/ruleset|template|mapping/<sha>.json` (published versions).
 */
export type BlobKind = "grids" | "findings" | "files" | "ruleset" | "template" | "mapping";

export interface BlobRef {
  key: string;
  orgId: string;
  kind: BlobKind;
  sha256: string;
}

const KEY = /^([a-z0-9][a-z0-9-]{1,39}(?:\.[a-z0-9][a-z0-9-]{0,39})?)\/(grids|findings|files|ruleset|template|mapping)\/([0-9a-f]{64})\.(json|xlsx)$/;

/** A key this Worker writes, or null for any other shape (which the sweep never touches). */
export function parseBlobKey(key: string): BlobRef | null {
  const m = KEY.exec(key);
  if (!m) return null;
  const kind = m[2] as BlobKind;
  if ((m[4] === "xlsx") !== (kind === "files")) return null;
  return { key, orgId: m[1]!, kind, sha256: m[3]! };
}
