import { createHash } from "node:crypto";
import type { Context } from "hono";
import type { TypedResponse } from "hono";
import type { z } from "zod";
import type { CheckReport } from "../../shared/findings/types.js";
import type { SubmissionDetail } from "../../shared/api/schemas.js";

/**
 * A report as stored and answered: the bytes of `{"sheets":[…],"findings":[…]}`, written a finding
 * at a time into chunks of about a megabyte and hashed as they are written. A report of a hundred
 * thousand findings is never one string (two bytes a character) beside its bytes, only its bytes;
 * the answer is the submission's fields followed by those same chunks, so a replay, which reads the
 * stored bytes back, answers byte for byte what the first answer said.
 */
export interface ReportBytes {
  chunks: Uint8Array[];
  size: number;
  sha256: string;
}

const MAX_CHUNK = 1024 * 1024;
const MIN_CHUNK = 16 * 1024;

export function reportBytes(report: CheckReport): ReportBytes {
  const enc = new TextEncoder();
  const hash = createHash("sha256");
  const chunks: Uint8Array[] = [];
  // Sized for the report at hand (a typical one fits the first chunk); later chunks double up to 1 MB.
  let chunkSize = Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, 2048 * (report.sheets.length + 1) + 600 * report.findings.length));
  let buf = new Uint8Array(chunkSize);
  let at = 0;
  let size = 0;
  const flush = () => {
    if (at === 0) return;
    // a chunk mostly empty is copied out, so its unused room is let go
    const done = at < buf.length / 2 ? buf.slice(0, at) : buf.subarray(0, at);
    hash.update(done);
    chunks.push(done);
    size += at;
    chunkSize = Math.min(MAX_CHUNK, chunkSize * 2);
    buf = new Uint8Array(chunkSize);
    at = 0;
  };
  const write = (s: string) => {
    // A character is at most three bytes in UTF-8 (a surrogate pair is four for two).
    if (s.length * 3 > buf.length - at) {
      flush();
      if (s.length * 3 > buf.length) {
        const big = enc.encode(s);
        hash.update(big);
        chunks.push(big);
        size += big.length;
        return;
      }
    }
    at += enc.encodeInto(s, buf.subarray(at)).written;
  };
  write(`{"sheets":${JSON.stringify(report.sheets)},"findings":[`);
  report.findings.forEach((f, i) => write(i === 0 ? JSON.stringify(f) : `,${JSON.stringify(f)}`));
  write("]}");
  if (at > 0) {
    const done = at < buf.length / 2 ? buf.slice(0, at) : buf.subarray(0, at);
    hash.update(done);
    chunks.push(done);
    size += at;
  }
  return { chunks, size, sha256: hash.digest("hex") };
}

/** Bytes already stored (a replay, a read) in the same shape. */
export const storedBytes = (bytes: Uint8Array): ReportBytes => ({ chunks: [bytes], size: bytes.length, sha256: "" });

/**
 * The report's bytes as one R2 body, without copying them: a single chunk as it is; several as a
 * stream of known length (workerd's FixedLengthStream), which R2 takes as one object.
 */
export function reportBody(r: ReportBytes): Uint8Array | ReadableStream<Uint8Array> {
  if (r.chunks.length === 1) return r.chunks[0]!;
  const { readable, writable } = new FixedLengthStream(r.size);
  const writer = writable.getWriter();
  void (async () => {
    for (const chunk of r.chunks) await writer.write(chunk);
    await writer.close();
  })().catch(() => writer.abort().catch(() => undefined));
  return readable;
}

/** A report of one chunk (up to a megabyte) is answered as one body: a stream costs more than the copy. */
const ONE_BODY_MAX = 1024 * 1024;

export function detailStream(fields: Record<string, unknown>, report: ReportBytes): ReadableStream<Uint8Array> | Uint8Array<ArrayBuffer> {
  const head = JSON.stringify(fields);
  const prefix = new TextEncoder().encode(`${head.slice(0, -1)}${head.length > 2 ? "," : ""}`);
  // the stored bytes open with "{": the fields' last brace and the report's first one meet as ","
  const parts = [prefix, report.chunks[0]!.subarray(1), ...report.chunks.slice(1)];
  if (parts.length === 2 && report.size <= ONE_BODY_MAX) {
    const body = new Uint8Array(parts[0]!.length + parts[1]!.length);
    body.set(parts[0]!, 0);
    body.set(parts[1]!, parts[0]!.length);
    return body;
  }
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = parts.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
}

type Detail = z.infer<typeof SubmissionDetail>;

/** The answer as a JSON response, typed as SubmissionDetail for the typed client. */
export function detailResponse<S extends 200 | 201>(c: Context, fields: Record<string, unknown>, report: ReportBytes, status: S) {
  return c.body(detailStream(fields, report), status, { "Content-Type": "application/json; charset=UTF-8" }) as unknown as Response & TypedResponse<Detail, S, "json">;
}
