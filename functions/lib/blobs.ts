import { ApiError } from "./errors.js";

/**
 * Immutable bodies in R2, content-addressed: `<org>/<kind>/<sha256>.json`. Writes are
 * create-only (`onlyIf: { etagDoesNotMatch: "*" }`): an existing key is never replaced,
 * and since the key is the hash of the content, "already there" means "same bytes".
 */
/**
 * Custom metadata: when the Worker wrote the object (ms since the epoch, as text). The orphan
 * sweep (lib/sweep.ts) takes the earlier of it and R2's `uploaded` as the object's age.
 */
export const WRITTEN_AT = "writtenAt";

export interface PutResult {
  key: string;
  sha256: string;
  /** False when the object already existed (nothing written). */
  created: boolean;
  size: number;
}

export function blobKey(orgId: string, kind: string, sha256: string, ext = "json"): string {
  return `${orgId}/${kind}/${sha256}.${ext}`;
}

export async function putImmutable(
  r2: R2Bucket,
  key: string,
  sha256: string,
  body: string | Uint8Array | ReadableStream<Uint8Array>,
  contentType = "application/json; charset=utf-8",
  knownSize?: number,
): Promise<PutResult> {
  // (a string's size in bytes without encoding it a second time: callers with large text pass bytes)
  const size = knownSize ?? (typeof body === "string" ? utf8Length(body) : body instanceof Uint8Array ? body.byteLength : 0);
  const res = await r2.put(key, body, {
    onlyIf: { etagDoesNotMatch: "*" },
    httpMetadata: { contentType },
    customMetadata: { sha256, [WRITTEN_AT]: String(Date.now()) },
  });
  return { key, sha256, created: res !== null, size };
}

/** Bytes of a string in UTF-8, counted. */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export async function getText(r2: R2Bucket, key: string): Promise<string | null> {
  const obj = await r2.get(key);
  return obj ? obj.text() : null;
}

export async function getJson<T>(r2: R2Bucket, key: string): Promise<T | null> {
  const t = await getText(r2, key);
  return t === null ? null : (JSON.parse(t) as T);
}

/**
 * A blob a D1 row points at. Missing means lost storage, never "empty": an export or a
 * submission read on top of it would show a clean ledger that was never checked as such.
 */
export async function getStoredJson<T>(r2: R2Bucket, key: string): Promise<T> {
  const value = await getJson<T>(r2, key);
  if (value === null) throw storedDataMissing(key);
  return value;
}

export const storedDataMissing = (key: string) =>
  new ApiError(
    500,
    "stored_data_missing",
    "服务器上保存的报送数据缺失，无法读取，请联系管理员",
    "Stored submission data is missing on the server and cannot be read; contact the administrator",
    { key },
  );
