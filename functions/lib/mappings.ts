import type { AppEnv } from "../env.js";
import { ancestorIds } from "../db/orgs.js";
import type { VersionRow } from "../ledger/rows.js";
import { ledger } from "../ledger/stub.js";
import { mappingFromDoc, type MappingDocParsed, type MappingInput } from "../../shared/template/mapping.js";
import { loadBody } from "./publish.js";

/** Bodies are immutable per content hash: read each once per isolate. */
const bodies = new Map<string, MappingDocParsed & { version: number }>();
const MAX_CACHED = 500;

async function bodyOf(r2: R2Bucket, row: VersionRow) {
  const key = `${row.sha256}.v${row.version}`;
  let body = bodies.get(key);
  if (!body) {
    body = await loadBody<MappingDocParsed & { version: number }>(r2, row);
    if (bodies.size >= MAX_CACHED) bodies.clear();
    bodies.set(key, body);
  }
  return body;
}

/**
 * The latest version of every mapping saved by an organisation on `path` (its own and its
 * ancestors'), with its row: farthest organisation first, so that a nearer department's
 * mapping, applied later, wins over its parent's.
 */
export async function savedMappingDocs(env: AppEnv["Bindings"], path: string): Promise<{ row: VersionRow; mapping: MappingDocParsed & { version: number } }[]> {
  const owners = ancestorIds(path);
  const rows = owners.length ? await ledger(env, owners[0]!).listLatest("mapping", owners) : [];
  return mappingDocsOf(env, path, rows);
}

/** The bodies of these mapping rows (latest per document on `path`), farthest owner first. */
export async function mappingDocsOf(env: Pick<AppEnv["Bindings"], "BLOBS">, path: string, rows: VersionRow[]) {
  const owners = ancestorIds(path);
  const sorted = rows.slice().sort((a, b) => owners.indexOf(a.org_id) - owners.indexOf(b.org_id) || a.doc_id.localeCompare(b.doc_id));
  return Promise.all(sorted.map(async (row) => ({ row, mapping: await bodyOf(env.BLOBS, row) })));
}

/** The same, as the engine takes them (CheckOptions.mapping): what every check of that organisation applies. */
export async function mappingInputs(env: Pick<AppEnv["Bindings"], "BLOBS">, path: string, rows: VersionRow[]): Promise<MappingInput[]> {
  return (await mappingDocsOf(env, path, rows)).map(({ row, mapping }) => mappingFromDoc(mapping, row.org_id));
}

/** The mappings every check of a collection owned on `path` applies, read from the store. */
export async function savedMappings(env: AppEnv["Bindings"], path: string): Promise<MappingInput[]> {
  return (await savedMappingDocs(env, path)).map(({ row, mapping }) => mappingFromDoc(mapping, row.org_id));
}
