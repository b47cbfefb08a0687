import type { Context } from "hono";
import type { AppEnv } from "../env.js";
import type { WorkbookGrid } from "../../shared/grid/types.js";
import type { CheckReport } from "../../shared/findings/types.js";
import type { RuleSet } from "../../shared/ruleset/schema.js";
import type { TemplateParsed } from "../../shared/template/schema.js";
import { DEFAULT_RULE_SET } from "../../shared/ruleset/default.js";
import { auditStmt } from "../db/audit.js";
import { findIdempotency, insertIdempotencyStmt } from "../db/idempotency.js";
import { getSubmission, gridShaReferenced, insertSubmissionStmt, type SubmissionRow } from "../db/submissions.js";
import { findVersion } from "../db/versions.js";
import type { CollectionRow } from "../db/collections.js";
import { needRole, visibleCollection } from "./access.js";
import { blobKey, getStoredJson, putImmutable, type PutResult } from "./blobs.js";
import { countFindings, runCheck } from "./engine.js";
import { ApiError } from "./errors.js";
import { assertGridSize, gridSize, maxCells } from "./cell-cap.js";
import { canonicalJson, nowIso, randomId, sha256Hex, todayCst } from "./hash.js";
import { collectionAsOf } from "../../shared/calendar/period-order.js";
import { loadBody } from "./publish.js";
import { submissionOut } from "./present.js";
import { savedMappings } from "./mappings.js";

export const gridKey = (orgId: string, sha: string) => blobKey(orgId, "grids", sha);
export const reportKey = (orgId: string, sha: string) => blobKey(orgId, "findings", sha);
export const fileKey = (orgId: string, sha: string) => blobKey(orgId, "files", sha, "xlsx");

/** The template and rule set a collection pins, from R2 (immutable, so cacheable per isolate). */
const docCache = new Map<string, unknown>();
export async function collectionDocs(env: AppEnv["Bindings"], col: CollectionRow) {
  const tKey = `template:${col.template_org_id}:${col.template_id}@${col.template_version}`;
  let template = docCache.get(tKey) as TemplateParsed | undefined;
  if (!template) {
    const row = await findVersion(env.DB, "template", col.template_id, [col.template_org_id], col.template_version);
    if (!row) throw new ApiError(500, "template_missing", "报送任务引用的模板版本缺失", "The collection's template version is missing");
    template = await loadBody<TemplateParsed>(env.BLOBS, row);
    docCache.set(tKey, template);
  }
  let ruleSet: RuleSet = DEFAULT_RULE_SET;
  if (col.ruleset_org_id && col.ruleset_id && col.ruleset_version) {
    const rKey = `ruleset:${col.ruleset_org_id}:${col.ruleset_id}@${col.ruleset_version}`;
    let rs = docCache.get(rKey) as RuleSet | undefined;
    if (!rs) {
      const row = await findVersion(env.DB, "ruleset", col.ruleset_id, [col.ruleset_org_id], col.ruleset_version);
      if (!row) throw new ApiError(500, "ruleset_missing", "报送任务引用的规则集版本缺失", "The collection's rule set version is missing");
      rs = await loadBody<RuleSet>(env.BLOBS, row);
      docCache.set(rKey, rs);
    }
    ruleSet = rs;
  }
  return { template, ruleSet };
}

export async function submissionDetail(r2: R2Bucket, row: SubmissionRow, withGrid = false) {
  const report = await getStoredJson<CheckReport>(r2, reportKey(row.org_id, row.findings_sha256));
  const grid = withGrid ? await getStoredJson<WorkbookGrid>(r2, gridKey(row.org_id, row.grid_sha256)) : null;
  return {
    ...submissionOut(row),
    findings: report.findings,
    sheets: report.sheets,
    ...(grid ? { grid } : {}),
  };
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

const isConstraintError = (e: unknown) => /UNIQUE constraint|constraint failed|SQLITE_CONSTRAINT/i.test(String(e));

function fault(c: Context<AppEnv>, point: string) {
  return c.env.TEST_FAULTS === "1" && c.req.header("x-test-fault") === point;
}

export interface SubmitInput {
  collectionId: string;
  grid: WorkbookGrid;
  asOf?: string;
  source: "json" | "xlsx";
  file?: Uint8Array;
  fileName?: string;
  /** The uploaded file's content type as stored (the format the reader found). */
  fileType?: string;
}

/**
 * Accept one submission: re-check with the engine, store grid + report (+ file) in R2
 * create-only, then one D1 batch (idempotency key, submission row with version n+1,
 * audit row). If the batch fails, nothing of it exists, and blobs this request created
 * and nobody references are deleted again. A process killed between the puts and the batch
 * cannot clean up: the blob sweep (lib/sweep.ts, cron) removes such orphans later.
 */
export async function submit(c: Context<AppEnv>, input: SubmitInput) {
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
  const { collection: col, owner } = await visibleCollection(c.env.DB, p, input.collectionId);
  if (col.status !== "open") throw new ApiError(409, "collection_closed", "报送任务已关闭", "The collection is closed");

  mark("collection");
  assertGridSize(gridSize(input.grid), maxCells(c.env));
  const key = c.req.header("idempotency-key")?.trim() || null;
  if (key !== null && (key.length > 200 || !/^[\x21-\x7e]+$/.test(key))) {
    throw new ApiError(400, "bad_idempotency_key", "Idempotency-Key 应为 1–200 个可见 ASCII 字符", "Idempotency-Key must be 1–200 visible ASCII characters");
  }
  const gridText = canonicalJson(input.grid);
  const gridSha = await sha256Hex(gridText);
  const fileSha = input.file ? await sha256Hex(input.file) : null;
  const requestSha = await sha256Hex(
    canonicalJson({ collection: col.collection_id, source: input.source, asOf: input.asOf ?? null, grid: gridSha, file: fileSha, fileName: input.fileName ?? null }),
  );

  const replayOrConflict = async (): Promise<{ status: 201; body: Awaited<ReturnType<typeof submissionDetail>>; replayed: true } | null> => {
    if (key === null) return null;
    const prior = await findIdempotency(c.env.DB, p.orgId, key);
    if (!prior) return null;
    if (prior.request_sha256 !== requestSha) {
      throw new ApiError(409, "idempotency_key_reused", "该 Idempotency-Key 已用于另一份不同的报送内容", "This Idempotency-Key was already used with a different request body", { idempotencyKey: key });
    }
    const row = await getSubmission(c.env.DB, prior.submission_id);
    if (!row) throw new ApiError(500, "replay_missing", "重放的报送记录缺失", "Replayed submission is missing");
    return { status: 201, body: await submissionDetail(c.env.BLOBS, row), replayed: true };
  };

  const early = await replayOrConflict();
  if (early) return early;
  mark("idempotency");

  const { template, ruleSet } = await collectionDocs(c.env, col);
  // Every branch of a collection is judged on the same day unless the submission names one.
  const asOf = input.asOf ?? collectionAsOf(col.period, todayCst());
  const mappings = await savedMappings(c.env, owner.path);
  const report = runCheck({ grid: input.grid, template, ruleSet, asOf, mappings, ...(input.fileName ? { fileName: input.fileName } : {}) });
  const counts = countFindings(report);
  mark("check");
  // Never a false all-clear: a workbook none of whose sheets fits the template was not checked.
  const wrongTemplate = !report.sheets.some((s) => s.status === "checked");
  if (wrongTemplate && col.on_wrong_template === "reject") throw wrongTemplateError(template, report);
  if (counts.errors > 0 && col.on_error === "reject") {
    throw new ApiError(422, "has_errors", `台账有 ${counts.errors} 处错误，本报送任务不接收有错误的台账，请改正后再报送`, `The ledger has ${counts.errors} error(s); this collection refuses ledgers with errors`, {
      counts,
      findings: report.findings.filter((f) => f.severity === "error"),
    });
  }

  const reportText = canonicalJson(report);
  const reportSha = await sha256Hex(reportText);
  const org = col.org_id;
  const puts: PutResult[] = [];
  const cleanup = async () => {
    for (const put of puts) {
      if (put.created && !(await gridShaReferenced(c.env.DB, org, put.sha256))) await c.env.BLOBS.delete(put.key);
    }
  };
  const submittedAt = nowIso();
  const submissionId = randomId("s", 12);
  const row: Omit<SubmissionRow, "version"> = {
    org_id: org,
    collection_id: col.collection_id,
    branch_id: p.orgId,
    submission_id: submissionId,
    source: input.source,
    grid_sha256: gridSha,
    findings_sha256: reportSha,
    file_sha256: fileSha,
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
    grid_bytes: new TextEncoder().encode(gridText).byteLength,
  };
  let version = 0;
  try {
    puts.push(await putImmutable(c.env.BLOBS, gridKey(org, gridSha), gridSha, gridText));
    puts.push(await putImmutable(c.env.BLOBS, reportKey(org, reportSha), reportSha, reportText));
    if (input.file && fileSha) {
      puts.push(await putImmutable(c.env.BLOBS, fileKey(org, fileSha), fileSha, input.file, input.fileType ?? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }
    mark("r2");
    if (fault(c, "after-blobs")) throw new Error("injected fault after blobs");
    const stmts: D1PreparedStatement[] = [];
    if (key !== null) {
      stmts.push(insertIdempotencyStmt(c.env.DB, { org_id: p.orgId, idem_key: key, request_sha256: requestSha, submission_id: submissionId, created_at: submittedAt }));
    }
    stmts.push(insertSubmissionStmt(c.env.DB, row));
    stmts.push(
      auditStmt(c.env.DB, p, p.orgId, "submission.create", `submission:${submissionId}`, gridSha, {
        collectionId: col.collection_id,
        findingsSha256: reportSha,
        fileSha256: fileSha,
        errors: counts.errors,
      }, submittedAt),
    );
    if (fault(c, "in-batch")) stmts.push(c.env.DB.prepare("INSERT INTO no_such_table VALUES (1)"));
    for (let attempt = 0; ; attempt++) {
      try {
        const results = await c.env.DB.batch<{ version: number }>(stmts);
        version = results[key !== null ? 1 : 0]?.results[0]?.version ?? 0;
        break;
      } catch (e) {
        if (!isConstraintError(e)) throw e;
        // Another request with the same key won the race: answer as it did.
        const replay = await replayOrConflict();
        if (replay) return replay;
        // Two versions raced for the same number: try again (the INSERT re-reads max+1).
        if (attempt >= 8) throw e;
        await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * (attempt + 1)));
      }
    }
    mark("d1");
  } catch (e) {
    await cleanup().catch(() => undefined);
    throw e;
  }
  // A concurrent failed twin may have deleted a blob it created just before we committed, or the
  // blob sweep (lib/sweep.ts) an old orphan with our content that we reused: put back.
  for (const put of puts) {
    if (!put.created && !(await c.env.BLOBS.head(put.key))) {
      const text = put.key.endsWith(".xlsx") ? input.file! : put.sha256 === gridSha ? gridText : reportText;
      await putImmutable(c.env.BLOBS, put.key, put.sha256, text);
    }
  }
  if (!version) throw new ApiError(500, "not_stored", "报送未能保存", "Submission was not stored");
  // The answer is built from exactly what was stored (the row and the report's stored JSON),
  // so an idempotent replay, which reads both back, returns the same bytes.
  const stored = JSON.parse(reportText) as CheckReport;
  const detail = { ...submissionOut({ ...row, version }), findings: stored.findings, sheets: stored.sheets };
  mark("readback");
  return { status: 201 as const, body: detail, replayed: false as const };
}
