import type { Context } from "hono";
import type { AppEnv, Bindings } from "../env.js";
import type { WorkbookGrid } from "../../shared/grid/types.js";
import type { CheckReport } from "../../shared/findings/types.js";
import type { RuleSet } from "../../shared/ruleset/schema.js";
import type { TemplateParsed } from "../../shared/template/schema.js";
import { DEFAULT_RULE_SET } from "../../shared/ruleset/default.js";
import { collectionAsOf } from "../../shared/calendar/period-order.js";
import type { CollectionRow, SubmissionRow } from "../ledger/rows.js";
import { ledger } from "../ledger/stub.js";
import type { CommitResult } from "../ledger/object.js";
import { needRole } from "./access.js";
import { auditEntry } from "./audit-entry.js";
import { putImmutable, type PutResult } from "./blobs.js";
import { fileKey, gridKey, readStoredReport, readSubmissionBody, reportKey } from "./submission-blobs.js";
import { smallBlobLimits } from "./small-blob-limits.js";
import { KEPT_CONTENT, KEPT_REPORT, type SmallBlob } from "../ledger/small-blobs.js";
import { reportBody, reportBytes as serialiseReport, storedBytes, type ReportBytes } from "./detail-body.js";
import { countFindings, runCheck } from "./engine.js";
import { maxFindings, tooManyFindings } from "./cell-cap.js";
import { ApiError, notFound } from "./errors.js";
import { canonicalJson, nowIso, randomId, sha256Hex, todayCst } from "./hash.js";
import { loadBody } from "./publish.js";
import { submissionOut } from "./present.js";
import { mappingInputs } from "./mappings.js";
import { collectionClosed, collectionForSubmission, forgetCollection } from "./submission-context.js";
import { readStoredGrid } from "./stored-grid.js";


/**
 * The template and rule set a collection pins, from R2 by the keys the collection holds:
 * immutable, so kept per isolate once read.
 */
const docCache = new Map<string, unknown>();
export async function collectionDocs(env: Pick<Bindings, "BLOBS">, col: CollectionRow) {
  let template = docCache.get(col.template_key) as TemplateParsed | undefined;
  if (!template) {
    template = await loadBody<TemplateParsed>(env.BLOBS, { r2_key: col.template_key, version: col.template_version });
    docCache.set(col.template_key, template);
  }
  let ruleSet: RuleSet = DEFAULT_RULE_SET;
  if (col.ruleset_key && col.ruleset_version) {
    let rs = docCache.get(col.ruleset_key) as RuleSet | undefined;
    if (!rs) {
      rs = await loadBody<RuleSet>(env.BLOBS, { r2_key: col.ruleset_key, version: col.ruleset_version });
      docCache.set(col.ruleset_key, rs);
    }
    ruleSet = rs;
  }
  return { template, ruleSet };
}


/** A stored submission's report, as the bytes that were stored (what its answer is built from). */
export async function storedReport(env: Pick<Bindings, "BLOBS" | "LEDGER">, row: SubmissionRow): Promise<ReportBytes> {
  return storedBytes(await readSubmissionBody(env, row, "report"));
}

/** A stored submission with its findings and, when asked, its grid, as objects (for the diff and `include=grid`). */
export async function submissionDetail(env: Pick<Bindings, "BLOBS" | "LEDGER">, row: SubmissionRow, withGrid = false) {
  const [report, grid] = await Promise.all([
    readStoredReport(env, row),
    withGrid ? readStoredGrid(env, row) : null,
  ]);
  return {
    ...submissionOut(row),
    sheets: report.sheets,
    findings: report.findings,
    ...(grid ? { grid } : {}),
  };
}

/**
 * 422 for the collection's own form sent back unfilled: its ledger, with headers only. Not a
 * wrong file, so the clerk is told to fill it in rather than to pick another one.
 */
function blankFormError(template: TemplateParsed, report: CheckReport): ApiError | null {
  const blank = report.sheets.filter((s) => s.status === "skipped" && s.skipReason === "noData" && s.template?.id === template.id);
  if (!blank.length || report.sheets.some((s) => s.status === "unrecognised")) return null;
  const names = blank.map((s) => `「${s.sheet}」`).join("、");
  return new ApiError(
    422,
    "blank_form",
    `上传的${names}是一张空白的“${template.title}”，只有表头，还没有填写内容，没有可检查的内容。请填写后再报送。`,
    `The uploaded sheet(s) ${blank.map((s) => `"${s.sheet}"`).join(", ")} are a blank "${template.titleEn}" form: headers only, nothing to check. Fill it in, then submit.`,
    { sheets: report.sheets.map((s) => ({ sheet: s.sheet, status: s.status, reason: s.reason })) },
  );
}

/** 422 for a workbook that is not the ledger the collection asks for, saying what each sheet is. */
function wrongTemplateError(template: TemplateParsed, report: CheckReport): ApiError {
  const why = report.sheets.map((s) => `「${s.sheet}」${s.reason.replace(/^未检查[:：]/, "")}`).join("；");
  const whyEn = report.sheets.map((s) => `"${s.sheet}"`).join(", ");
  return new ApiError(
    422,
    "wrong_template",
    `上传的台账不是本报送任务要求的“${template.title}”，没有做任何检查：${why}。请确认选对了文件和报送任务。`,
    `The workbook is not the "${template.titleEn}" this collection asks for; nothing was checked (sheets: ${whyEn}). Check the file and the collection.`,
    { sheets: report.sheets.map((s) => ({ sheet: s.sheet, status: s.status, reason: s.reason })) },
  );
}

function fault(c: Context<AppEnv>, point: string) {
  return c.env.TEST_FAULTS === "1" && c.req.header("x-test-fault") === point;
}

export interface SubmitInput {
  collectionId: string;
  grid: WorkbookGrid;
  asOf?: string;
  source: "json" | "xlsx";
  /**
   * The bytes received, stored as they came (no second copy of the grid is made): the request
   * body for grid JSON, the file for an upload. Their SHA-256 is the submission's content hash.
   */
  bytes: Uint8Array;
  sha256: string;
  /** The grid's size as JSON: the body's length, or an estimate for a file (what an export reading it costs). */
  gridBytes: number;
  fileName?: string;
  /** The uploaded file's content type as stored (the format the reader found). */
  fileType?: string;
}

/** What a submission answers: its fields and the stored report's bytes (lib/detail-body.ts joins them). */
export type SubmitAnswer = { status: 201; fields: ReturnType<typeof submissionOut>; report: ReportBytes; replayed: boolean };

/** The error findings a refusal lists, at most this many (the count says how many there are). */
const REFUSAL_FINDINGS = 200;

/**
 * Accept one submission. At most: one read of the caller's token (D1, or the isolate's cache),
 * the engine, the R2 puts side by side of the bodies too large for the store (the bytes received
 * and the report, create-only and content-addressed), and one call to the tenant's store, which
 * checks the collection and the Idempotency-Key, assigns version n+1 and writes the index, the
 * audit row and the small bodies in one transaction.
 * If anything fails, nothing of the row exists, and the blobs this request created and nobody
 * references are deleted (by the store, so no commit can race the delete). A process killed
 * between the puts and the commit leaves orphans: the blob sweep (lib/sweep.ts, cron) removes them.
 */
export async function submit(c: Context<AppEnv>, input: SubmitInput): Promise<SubmitAnswer> {
  let last = performance.now();
  const marks: string[] = [];
  const mark = (name: string) => {
    // Date-based clocks in workerd only advance on I/O, which is what this measures.
    const now = performance.now();
    marks.push(`${name};dur=${Math.round(now - last)}`);
    last = now;
    c.header("Server-Timing", marks.join(", "));
  };
  const p = c.get("principal");
  needRole(p, "clerk");
  const key = c.req.header("idempotency-key")?.trim() || null;
  if (key !== null && (key.length > 200 || !/^[\x21-\x7e]+$/.test(key))) {
    throw new ApiError(400, "bad_idempotency_key", "Idempotency-Key 应为 1–200 个可见 ASCII 字符", "Idempotency-Key must be 1–200 visible ASCII characters");
  }
  const { collection: col, mappings: mappingRows } = await collectionForSubmission(c.env, p, input.collectionId);
  const store = ledger(c.env, p.rootId);
  const { template, ruleSet } = await collectionDocs(c.env, col);
  mark("collection");
  const requestSha = await sha256Hex(
    canonicalJson({ collection: col.collection_id, source: input.source, asOf: input.asOf ?? null, content: input.sha256, fileName: input.fileName ?? null }),
  );

  // Every branch of a collection is judged on the same day unless the submission names one.
  const asOf = input.asOf ?? collectionAsOf(col.period, todayCst());
  // The header and value mappings the branch's departments confirmed apply to every check.
  const mappings = await mappingInputs(c.env, col.owner_path, mappingRows);
  const { counts, wrongTemplate, reportBytes } = verdict(col, template, runCheck({ grid: input.grid, template, ruleSet, asOf, mappings, ...(input.fileName ? { fileName: input.fileName } : {}) }), maxFindings(c.env));
  mark("check");
  const reportSha = reportBytes.sha256;
  const org = col.org_id;
  const contentKey = input.source === "xlsx" ? fileKey(org, input.sha256) : gridKey(org, input.sha256);
  const contentType = input.source === "xlsx" ? (input.fileType ?? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") : "application/json; charset=utf-8";
  const putContent = () => putImmutable(c.env.BLOBS, contentKey, input.sha256, input.bytes, contentType);
  const putReport = () => putImmutable(c.env.BLOBS, reportKey(org, reportSha), reportSha, reportBody(reportBytes), "application/json; charset=utf-8", reportBytes.size);
  const submittedAt = nowIso();
  const submissionId = randomId("s", 12);
  const row: Omit<SubmissionRow, "version" | "kept_here"> = {
    org_id: org,
    collection_id: col.collection_id,
    branch_id: p.orgId,
    submission_id: submissionId,
    source: input.source,
    grid_sha256: input.sha256,
    findings_sha256: reportSha,
    file_sha256: input.source === "xlsx" ? input.sha256 : null,
    file_name: input.fileName ?? null,
    errors: counts.errors,
    warnings: counts.warnings,
    infos: counts.infos,
    status: wrongTemplate ? "wrong_template" : counts.errors > 0 ? "errors" : "clean",
    late: submittedAt > col.due_at ? 1 : 0,
    template_org_id: col.template_org_id,
    template_id: col.template_id,
    template_version: col.template_version,
    ruleset_id: col.ruleset_id ?? ruleSet.id,
    ruleset_version: col.ruleset_version ?? ruleSet.version,
    as_of: asOf,
    submitted_by: p.actor,
    submitted_at: submittedAt,
    idempotency_key: key,
    grid_bytes: input.gridBytes,
  };
  const audit = auditEntry(p, { id: p.orgId, path: p.path }, "submission.create", `submission:${submissionId}`, input.sha256, {
    collectionId: col.collection_id,
    findingsSha256: reportSha,
    fileSha256: row.file_sha256,
    errors: counts.errors,
  }, submittedAt);

  // Small bodies go with the row into the department's store (one call, no R2 put); the others,
  // and all of them once the store's budget for small bodies is spent, to R2 first.
  const limits = smallBlobLimits(c.env);
  const commit = async (keepSmall: boolean): Promise<{ puts: PutResult[]; result: CommitResult }> => {
    const small: SmallBlob[] = [];
    let keptHere = 0;
    const pending: Promise<PutResult>[] = [];
    if (keepSmall && input.bytes.byteLength <= limits.max) {
      small.push({ key: contentKey, body: tight(input.bytes), contentType });
      keptHere |= KEPT_CONTENT;
    } else pending.push(putContent());
    if (keepSmall && reportBytes.size <= limits.max) {
      small.push({ key: reportKey(org, reportSha), body: joined(reportBytes), contentType: "application/json; charset=utf-8" });
      keptHere |= KEPT_REPORT;
    } else pending.push(putReport());
    let puts: PutResult[] = [];
    try {
      puts = await Promise.all(pending);
      mark("r2");
      if (fault(c, "after-blobs")) throw new Error("injected fault after blobs");
      const result = await store.commitSubmission({
        row: { ...row, kept_here: keptHere },
        idempotency: key === null ? null : { key, requestSha256: requestSha },
        audit,
        blobKeys: puts.map((x) => x.key),
        ...(small.length ? { small, smallBudget: limits.budget } : {}),
        ...(fault(c, "in-batch") ? { fault: true } : {}),
      });
      mark("store");
      return { puts, result };
    } catch (e) {
      await discardCreated(c, puts).catch(() => undefined);
      throw e;
    }
  };
  let { puts, result } = await commit(limits.max > 0);
  if (result.kind === "full") ({ puts, result } = await commit(false));
  if (result.kind !== "stored") {
    // Nothing was written: what this request put and nobody references goes again.
    await discardCreated(c, puts).catch(() => undefined);
    if (result.kind === "not_found") throw notFound("Collection", "报送任务", input.collectionId);
    if (result.kind === "closed") {
      forgetCollection(p.rootId, col.collection_id);
      throw collectionClosed();
    }
    if (result.kind === "full") throw new Error("the store refused its small bodies with none sent");
    if (result.kind === "key_reused") {
      throw new ApiError(409, "idempotency_key_reused", "该 Idempotency-Key 已用于另一份不同的报送内容", "This Idempotency-Key was already used with a different request body", { idempotencyKey: key });
    }
    // Another request with the same key stored it first: answer as it did.
    return { status: 201, fields: submissionOut(result.row), report: await storedReport(c.env, result.row), replayed: true };
  }
  // A blob this request found already there may have been deleted (an orphan swept, a failed twin's
  // cleanup) before the commit: the store names it, and the bytes are put back.
  const reput = new Set(result.reput);
  await Promise.all([reput.has(contentKey) ? putContent() : null, reput.has(reportKey(org, reportSha)) ? putReport() : null]);
  // The answer is what a replay reads back (the row and the stored report): the same bytes.
  return { status: 201, fields: submissionOut({ ...row, version: result.version }), report: reportBytes, replayed: false };
}

/**
 * The engine's report judged against the collection (refused: a 422; else its counts and its
 * bytes). Serialised once, encoded once: the bytes are hashed, stored and answered, and the report's
 * objects are let go when this returns, before anything is put.
 */
function verdict(col: CollectionRow, template: TemplateParsed, report: CheckReport, findingsCap: number) {
  const counts = countFindings(report);
  if (report.findings.length > findingsCap) throw tooManyFindings(report.findings.length, findingsCap, counts);
  // Never a false all-clear: a workbook none of whose sheets fits the template was not checked.
  const wrongTemplate = !report.sheets.some((s) => s.status === "checked");
  if (wrongTemplate && col.on_wrong_template === "reject") throw blankFormError(template, report) ?? wrongTemplateError(template, report);
  if (counts.errors > 0 && col.on_error === "reject") {
    throw new ApiError(422, "has_errors", `台账有 ${counts.errors} 处错误，本报送任务不接收有错误的台账，请改正后再报送`, `The ledger has ${counts.errors} error(s); this collection refuses ledgers with errors`, {
      counts,
      // the first ones, in sheet and row order: enough to start correcting, bounded whatever the ledger
      findings: report.findings.filter((f) => f.severity === "error").slice(0, REFUSAL_FINDINGS),
    });
  }
  return { counts, wrongTemplate, reportBytes: serialiseReport(report) };
}

/** Bytes of their own, not a view into a larger buffer (what a call to the store copies whole). */
const tight = (b: Uint8Array) => (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b : b.slice());

/** A report's chunks as one array (a small one: a single chunk as it is). */
function joined(r: ReportBytes): Uint8Array {
  if (r.chunks.length === 1) return tight(r.chunks[0]!);
  const out = new Uint8Array(r.size);
  let at = 0;
  for (const chunk of r.chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The blobs this request created, unless a row references them by now (the store decides). */
async function discardCreated(c: Context<AppEnv>, puts: PutResult[]) {
  const created = puts.filter((x) => x.created).map((x) => x.key);
  if (created.length) await ledger(c.env, c.get("principal").rootId).deleteUnreferenced(created);
}
