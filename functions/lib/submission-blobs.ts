import type { Bindings } from "../env.js";
import type { CheckReport } from "../../shared/findings/types.js";
import type { SubmissionRow } from "../ledger/rows.js";
import { KEPT_CONTENT, KEPT_REPORT } from "../ledger/small-blobs.js";
import { ledger, tenantOf } from "../ledger/stub.js";
import { blobKey, storedDataMissing } from "./blobs.js";

export const gridKey = (orgId: string, sha: string) => blobKey(orgId, "grids", sha);
export const reportKey = (orgId: string, sha: string) => blobKey(orgId, "findings", sha);
export const fileKey = (orgId: string, sha: string) => blobKey(orgId, "files", sha, "xlsx");

/** The key of a submission's content: the uploaded file, or the grid JSON body as received. */
export const contentKeyOf = (row: Pick<SubmissionRow, "org_id" | "source" | "file_sha256" | "grid_sha256">) =>
  row.source === "xlsx" && row.file_sha256 ? fileKey(row.org_id, row.file_sha256) : gridKey(row.org_id, row.grid_sha256);

export type SubmissionBody = "content" | "report";

/**
 * A stored submission's content or report, as the bytes stored: from the department's store when
 * it keeps them (a small submission, ledger/small-blobs.ts), else from R2. Missing means lost
 * storage, never "empty".
 */
export async function readSubmissionBody(env: Pick<Bindings, "BLOBS" | "LEDGER">, row: SubmissionRow, which: SubmissionBody): Promise<Uint8Array> {
  const key = which === "content" ? contentKeyOf(row) : reportKey(row.org_id, row.findings_sha256);
  if ((row.kept_here ?? 0) & (which === "content" ? KEPT_CONTENT : KEPT_REPORT)) {
    const held = (await ledger(env, tenantOf(row.org_id)).smallBlobs([key]))[key];
    if (!held) throw storedDataMissing(key);
    return held;
  }
  const obj = await env.BLOBS.get(key);
  if (!obj) throw storedDataMissing(key);
  return new Uint8Array(await obj.arrayBuffer());
}

/** A stored submission's report, parsed. */
export async function readStoredReport(env: Pick<Bindings, "BLOBS" | "LEDGER">, row: SubmissionRow): Promise<CheckReport> {
  return JSON.parse(new TextDecoder().decode(await readSubmissionBody(env, row, "report"))) as CheckReport;
}
