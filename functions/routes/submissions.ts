import { createRoute, z } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import type { MiddlewareHandler } from "hono";
import { requireRole } from "../middleware/auth.js";
import { router, security, errors, json, body } from "./common.js";
import { OrgId, SubmissionDetail, SubmissionDiff, SubmissionList, SubmitBody } from "../../shared/api/schemas.js";
import type { AppEnv } from "../env.js";
import { assertBranchReadable, visibleCollection } from "../lib/access.js";
import { ledger } from "../ledger/stub.js";
import { submissionOut } from "../lib/present.js";
import { ApiError, notFound } from "../lib/errors.js";
import { storedReport, submit, submissionDetail } from "../lib/submit.js";
import { readStoredReport } from "../lib/submission-blobs.js";
import { collectionForSubmission } from "../lib/submission-context.js";
import { detailResponse } from "../lib/detail-body.js";
import { tooLarge } from "../middleware/errors.js";
import { refuseMacros } from "../lib/macros.js";
import { assertGridSize, maxBodyBytes, estimateGridJsonBytes, gridSize, jsonBoundFor, jsonValueBound, maxCells, tooManyCells, uploadLimits, uploadOverCap } from "../lib/cell-cap.js";
import { diffSubmissions } from "../lib/diff.js";
import { CheckedGrid } from "../lib/grid-check.js";
import { readStoredGrid } from "../lib/stored-grid.js";
import { sha256Hex } from "../lib/hash.js";
import { inflateAhead, isLedgerReadError, readWorkbookFile, UPLOAD_MEDIA_TYPES, type InflateRaw } from "../../shared/reader/index.js";

/** 413 above MAX_BODY_BYTES, counted on the stream (Content-Length is not trusted). */
export const limitBody = (): MiddlewareHandler<AppEnv> =>
  async function limitBody(c, next) {
    const maxSize = maxBodyBytes(c.env);
    return bodyLimit({ maxSize, onError: () => { throw tooLarge(maxSize); } })(c, next);
  };

/**
 * A grid JSON body, read once: its bytes are hashed as received (they are what is stored), its
 * values are counted on the bytes before anything is built and its cells on the parsed JSON
 * before anything is validated (413 above MAX_CELLS), and the parse is handed to the validator,
 * which checks the grid without copying it (lib/grid-check.ts).
 */
export const receiveGridJson = (): MiddlewareHandler<AppEnv> =>
  async function receiveGridJson(c, next) {
    const cap = maxCells(c.env);
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (jsonValueBound(bytes) > jsonBoundFor(cap)) throw tooManyCells(null, cap);
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      throw new HTTPException(400, { message: "Malformed JSON in request body" });
    }
    assertGridSize(gridSize((parsed as { grid?: unknown } | null)?.grid), cap);
    c.set("received", { bytes, sha256: await sha256Hex(bytes) });
    // The validator asks for the body again: the same parse, not a second one.
    (c.req as unknown as { json: () => Promise<unknown> }).json = async () => parsed;
    await next();
  };

const SubmitBodyReceived = SubmitBody.extend({ grid: CheckedGrid });

const CollParam = z.object({ collectionId: z.string().min(1).max(40) });
const Headers = z.object({ "idempotency-key": z.string().min(1).max(200).optional() });
const BINARY = { schema: z.any().openapi({ type: "string", format: "binary" }) };

/** The raw body, or the `file` field of a multipart/form-data upload, with the file's name where the client gave one. */
async function uploadFile(contentType: string, req: { arrayBuffer(): Promise<ArrayBuffer>; formData(): Promise<FormData> }, queryName: string | undefined) {
  if (contentType.startsWith("multipart/form-data")) {
    const form = await req.formData();
    const file = form.get("file");
    if (!file || typeof file === "string") {
      throw new ApiError(400, "file_missing", "表单中缺少名为 file 的文件", "The form has no file field named `file`");
    }
    const f = file as File;
    return { bytes: new Uint8Array(await f.arrayBuffer()), fileName: (queryName ?? (f.name || undefined))?.slice(0, 255) };
  }
  return { bytes: new Uint8Array(await req.arrayBuffer()), fileName: queryName?.slice(0, 255) };
}

/** The stored original's content type, from what the reader found in it. */
const STORED_TYPE: Record<string, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  xls: "application/vnd.ms-excel",
  et: "application/vnd.ms-excel",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  csv: "text/csv",
};

/**
 * An uploaded file through the one reader every host uses, under the submission's cell cap. Error
 * codes keep their historical xlsx_ prefix whatever the format; over the cap, the message also
 * says the ledger can be checked whole on the clerk's computer.
 */
function readUpload(bytes: Uint8Array, fileName: string | undefined, cap: number, limits: ReturnType<typeof uploadLimits>, inflateRaw: InflateRaw | undefined) {
  try {
    return readWorkbookFile(bytes, { ...(fileName ? { fileName } : {}), limits, ...(inflateRaw ? { inflateRaw } : {}) });
  } catch (e) {
    if (isLedgerReadError(e)) {
      if (e.code === "too-many-cells") {
        const m = uploadOverCap(e, cap);
        throw new ApiError(422, `xlsx_${e.code}`, m.zh, m.en, { reason: e.code, maxCells: cap });
      }
      throw new ApiError(422, `xlsx_${e.code}`, e.messageZh, e.messageEn, { reason: e.code });
    }
    throw new ApiError(422, "xlsx_unreadable", "无法读取上传的台账文件", `The uploaded file could not be read: ${(e as Error).message}`);
  }
}

const created = (c: { header: (k: string, v: string) => void }, r: { fields: { id: string }; replayed: boolean }) => {
  c.header("Location", `/v1/submissions/${r.fields.id}`);
  if (r.replayed) c.header("Idempotent-Replayed", "true");
};

export const submissionsRouter = router()
  .openapi(
    createRoute({
      method: "post",
      path: "/collections/{collectionId}/submissions",
      tags: ["submissions"],
      security,
      middleware: [requireRole("clerk"), limitBody(), receiveGridJson()] as const,
      summary: "报送台账（网格 JSON）/ submit a ledger as grid JSON (clerk); Idempotency-Key supported",
      request: { params: CollParam, headers: Headers, body: body(SubmitBodyReceived) },
      responses: { 201: json(SubmissionDetail, "stored (or replayed: Idempotent-Replayed: true)"), ...errors(400, 403, 404, 409, 413, 422) },
    }),
    async (c) => {
      const b = c.req.valid("json");
      const received = c.get("received")!;
      const r = await submit(c, {
        collectionId: c.req.valid("param").collectionId,
        grid: b.grid,
        asOf: b.asOf,
        source: "json",
        bytes: received.bytes,
        sha256: received.sha256,
        gridBytes: received.bytes.length,
        ...(b.fileName ? { fileName: b.fileName } : {}),
      });
      created(c, r);
      return detailResponse(c, r.fields, r.report, 201);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/collections/{collectionId}/submissions/xlsx",
      tags: ["submissions"],
      security,
      middleware: [requireRole("clerk"), limitBody()] as const,
      summary: "报送台账（上传台账文件：.xlsx、.xls、WPS .et、.ods、.csv）/ submit a ledger file upload: .xlsx, .xls, WPS .et, .ods, .csv (clerk)",
      description:
        "The format is read from the file's bytes; `fileName` (or the multipart file's name) names a CSV's sheet and picks WPS wording for .et files. The same caps and messages as every other host.",
      request: {
        params: CollParam,
        headers: Headers,
        query: z.object({ asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(), fileName: z.string().min(1).max(255).optional() }),
        body: {
          required: true,
          content: {
            ...Object.fromEntries(UPLOAD_MEDIA_TYPES.map((t) => [t, BINARY])),
            "application/octet-stream": BINARY,
            // a plain schema object (not zod): documented, but no form validator or media-type gate
            "multipart/form-data": { schema: { type: "object", properties: { file: { type: "string", format: "binary" } }, required: ["file"] } },
          },
        },
      },
      responses: { 201: json(SubmissionDetail, "stored"), ...errors(400, 403, 404, 409, 413, 422) },
    }),
    async (c) => {
      // Visibility before parsing: a foreign caller learns nothing from how its upload is read.
      await collectionForSubmission(c.env, c.get("principal"), c.req.valid("param").collectionId);
      const { bytes, fileName } = await uploadFile(c.req.raw.headers.get("content-type") ?? "", c.req, c.req.valid("query").fileName);
      const limits = uploadLimits(c.env);
      // The platform's zlib inflates the large parts first (twice fflate's speed), under the same caps.
      const grid = readUpload(bytes, fileName, maxCells(c.env), limits, await inflateAhead(bytes, limits));
      refuseMacros(bytes);
      const fileType = STORED_TYPE[grid.source?.format ?? "xlsx"]!;
      // "source" stays "xlsx" for every file upload (the index knows json | xlsx); the grid records the format.
      const r = await submit(c, {
        collectionId: c.req.valid("param").collectionId,
        grid,
        asOf: c.req.valid("query").asOf,
        source: "xlsx",
        bytes,
        sha256: await sha256Hex(bytes),
        gridBytes: estimateGridJsonBytes(grid),
        fileType,
        ...(fileName ? { fileName } : {}),
      });
      created(c, r);
      return detailResponse(c, { ...r.fields, ...(grid.source ? { file: grid.source } : {}) }, r.report, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/collections/{collectionId}/submissions",
      tags: ["submissions"],
      security,
      summary: "报送记录（管理员看全部，填报员看本支部）/ submissions: all (admin) or own branch (clerk)",
      request: { params: CollParam, query: z.object({ branchId: OrgId.optional() }) },
      responses: { 200: json(SubmissionList, "every version"), ...errors(404) },
    }),
    async (c) => {
      const p = c.get("principal");
      const collection = await visibleCollection(c.env, p, c.req.valid("param").collectionId);
      let branchId = c.req.valid("query").branchId;
      if (p.role === "clerk") {
        if (branchId) assertBranchReadable(p, branchId);
        branchId = p.orgId;
      }
      const rows = await ledger(c.env, p.rootId).submissions(collection.collection_id, branchId);
      return c.json({ items: rows.map(submissionOut) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/collections/{collectionId}/branches/{branchId}/versions/{version}",
      tags: ["submissions"],
      security,
      summary: "某支部的某一版报送及其问题 / one version of a branch's submission with findings",
      request: {
        params: CollParam.extend({ branchId: OrgId, version: z.coerce.number().int().positive() }),
        query: z.object({ include: z.enum(["grid"]).optional() }),
      },
      responses: { 200: json(SubmissionDetail, "submission"), ...errors(404) },
    }),
    async (c) => {
      const p = c.get("principal");
      const { collectionId, branchId, version } = c.req.valid("param");
      const collection = await visibleCollection(c.env, p, collectionId);
      assertBranchReadable(p, branchId);
      const row = await ledger(c.env, p.rootId).submissionVersion(collection.collection_id, branchId, version);
      if (!row) throw notFound("Submission", "报送", `${branchId} v${version}`);
      c.header("Cache-Control", "private, max-age=31536000, immutable");
      if (c.req.valid("query").include === "grid") return c.json(await submissionDetail(c.env, row, true), 200);
      return detailResponse(c, submissionOut(row), await storedReport(c.env, row), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/collections/{collectionId}/branches/{branchId}/diff",
      tags: ["submissions"],
      security,
      summary: "两版报送之差：改动的单元格、已改正与新增的问题 / diff of two submission versions",
      request: {
        params: CollParam.extend({ branchId: OrgId }),
        query: z.object({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() }),
      },
      responses: { 200: json(SubmissionDiff, "diff"), ...errors(404) },
    }),
    async (c) => {
      const p = c.get("principal");
      const { collectionId, branchId } = c.req.valid("param");
      const { from, to } = c.req.valid("query");
      const collection = await visibleCollection(c.env, p, collectionId);
      assertBranchReadable(p, branchId);
      const store = ledger(c.env, p.rootId);
      const load = async (v: number) => {
        const row = await store.submissionVersion(collection.collection_id, branchId, v);
        if (!row) throw notFound("Submission", "报送", `${branchId} v${v}`);
        const [grid, report] = await Promise.all([readStoredGrid(c.env, row), readStoredReport(c.env, row)]);
        return { version: v, grid, findings: report.findings };
      };
      const [a, b] = await Promise.all([load(from), load(to)]);
      return c.json(diffSubmissions(branchId, a, b), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/submissions/{submissionId}",
      tags: ["submissions"],
      security,
      summary: "按编号读取报送 / a submission by id, with findings",
      request: { params: z.object({ submissionId: z.string().min(1).max(40) }), query: z.object({ include: z.enum(["grid"]).optional() }) },
      responses: { 200: json(SubmissionDetail, "submission"), ...errors(404) },
    }),
    async (c) => {
      const p = c.get("principal");
      const id = c.req.valid("param").submissionId;
      const row = await ledger(c.env, p.rootId).submission(id);
      if (!row) throw notFound("Submission", "报送", id);
      try {
        await visibleCollection(c.env, p, row.collection_id);
        assertBranchReadable(p, row.branch_id);
      } catch {
        throw notFound("Submission", "报送", id);
      }
      c.header("Cache-Control", "private, max-age=31536000, immutable");
      if (c.req.valid("query").include === "grid") return c.json(await submissionDetail(c.env, row, true), 200);
      return detailResponse(c, submissionOut(row), await storedReport(c.env, row), 200);
    },
  );
