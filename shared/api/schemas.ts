import { z } from "zod";
import { RuleSet, RuleSetShape } from "../ruleset/schema.js";
import { checkRuleSetConsistency } from "../ruleset/consistency.js";
import { Template } from "../template/schema.js";
import { MappingDoc as MappingDocBody } from "../template/mapping.js";

/**
 * Request and response schemas of the Worker API (/v1), shared by the Worker (validation,
 * OpenAPI) and the add-in (typed client, form checks). Plain zod 4, no Worker APIs.
 */

/**
 * A root department's id (2–40 lowercase letters, digits, hyphens), or a child's: the root's id, a
 * dot, then its own part, so that every tenant names its organisations in a space of its own.
 */
export const OrgId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}(\.[a-z0-9][a-z0-9-]{0,39})?$/, "小写字母、数字或连字符，2–40 个字符；下级组织为“上级体系编号.自身编号” / lowercase letters, digits or hyphens; a child is <root>.<own>");
/** What an admin names a new child: its own part (the root's prefix is added) or the full `<root>.<own>` id. */
export const ChildOrgId = z.string().regex(/^([a-z0-9][a-z0-9-]{1,39}\.)?[a-z0-9][a-z0-9-]{0,39}$/, "小写字母、数字或连字符，1–40 个字符 / lowercase letters, digits or hyphens, 1–40 characters");
export const DocId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/).max(64);
export const Period = z
  .string()
  .regex(/^\d{4}(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?$/, "期间格式应为 2025、2025-Q4、2025-H1 或 2025-03");
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD");
export const Role = z.enum(["admin", "clerk"]);

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().describe("按 Accept-Language：默认中文，客户端偏好 en 时为英文 / per Accept-Language: Chinese by default, English when the client prefers en"),
    messageEn: z.string().describe("always English"),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

// ---------- grid (mirrors shared/grid/types.ts) ----------
export const CellValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.object({ error: z.string() }).strict()]);
export const CellRange = z.object({ r0: z.number().int().min(0), c0: z.number().int().min(0), r1: z.number().int().min(0), c1: z.number().int().min(0) });
export const SheetGrid = z.object({
  name: z.string().min(1).max(100),
  values: z.array(z.array(CellValue)),
  origin: z.object({ row: z.number().int().min(0), col: z.number().int().min(0) }).optional(),
  numberFormats: z.array(z.array(z.string().nullable())).optional(),
  merges: z.array(CellRange).optional(),
  validations: z.array(z.object({ ranges: z.array(CellRange), values: z.array(z.string()) })).optional(),
  hidden: z.boolean().optional(),
  hiddenRows: z.array(z.number().int().min(0)).max(1_048_576).optional(),
  hiddenCols: z.array(z.number().int().min(0)).max(16_384).optional(),
  hiddenRowsUnknown: z.boolean().optional(),
});
/** What file a grid was read from (shared/grid/types.ts GridSource). */
export const GridSource = z.object({
  format: z.enum(["xlsx", "xls", "et", "ods", "csv"]),
  biff: z.union([z.literal(5), z.literal(8)]).optional(),
  encoding: z.enum(["UTF-8", "UTF-8-BOM", "GBK", "GB18030", "UTF-16LE", "UTF-16BE"]).optional(),
  delimiter: z.string().max(1).optional(),
  namedAs: z.string().max(16).optional(),
});
export const WorkbookGrid = z.object({ sheets: z.array(SheetGrid).min(1).max(50), source: GridSource.optional() });

// ---------- findings (mirrors shared/findings/types.ts) ----------
export const Finding = z.object({
  code: z.string(),
  severity: z.enum(["error", "warning", "info"]),
  sheet: z.string(),
  cell: z.string().nullable(),
  row: z.number().nullable(),
  column: z.string().nullable(),
  period: z.string().nullable(),
  message: z.string(),
  expected: z.string().optional(),
  field: z.string().optional(),
  args: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  related: z.object({ sheet: z.string(), cell: z.string().nullable(), file: z.string().optional() }).optional(),
  file: z.string().optional(),
});
export const SheetReport = z.object({
  sheet: z.string(),
  file: z.string().optional(),
  block: z.string().optional(),
  // Optional for submissions stored by 0.1, which had no status (every stored sheet was a recognised one).
  status: z.enum(["checked", "unrecognised", "skipped"]).optional(),
  skipReason: z.enum(["hidden", "empty", "instructions", "noData"]).optional(),
  kind: z.string().nullable(),
  template: z.object({ id: z.string(), version: z.number() }).nullable(),
  headerRow: z.number().nullable(),
  matched: z.array(z.object({ header: z.string(), field: z.string(), column: z.string() })),
  score: z.number(),
  rows: z.number(),
  reason: z.string(),
  candidates: z.array(
    z.object({
      template: z.object({ id: z.string(), version: z.number() }),
      kind: z.string(),
      title: z.string(),
      score: z.number(),
      missing: z.array(z.string()),
      looksLike: z.string().optional(),
      foreign: z.string().optional(),
    }),
  ).optional(),
  // Added in 0.2 (reading sheets by evidence); optional so submissions stored by 0.1 still parse.
  confidence: z.number().optional(),
  columns: z
    .array(
      z.object({
        column: z.string(),
        header: z.string(),
        field: z.string().nullable(),
        fieldTitle: z.string().nullable(),
        confidence: z.number(),
        source: z.enum(["header", "content", "both"]).nullable(),
        mapped: z.boolean().optional(),
      }),
    )
    .optional(),
  facts: z.array(z.object({ cell: z.string(), row: z.number(), kind: z.string(), text: z.string(), message: z.string() })).optional(),
  factCount: z.number().optional(),
  sections: z.array(z.object({ row: z.number(), label: z.string(), facts: z.array(z.object({ field: z.string(), fieldTitle: z.string().optional(), value: z.string() })) })).optional(),
  rowRoles: z.record(z.string(), z.number()).optional(),
  meetingType: z.object({ type: z.string(), source: z.enum(["sheet", "title", "file"]) }).optional(),
  mapping: z
    .object({
      columns: z.number(),
      ignored: z.number(),
      valueFields: z.array(z.string()),
      saved: z.array(z.object({ id: z.string(), version: z.number(), orgId: z.string().optional() })),
    })
    .optional(),
});

// ---------- organisations and tokens ----------
export const Org = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  rootId: z.string(),
  kind: z.enum(["department", "branch"]),
  name: z.string(),
  path: z.string(),
  createdAt: z.string(),
});
export const CreateOrgBody = z.object({
  id: ChildOrgId,
  name: z.string().min(1).max(100),
  kind: z.enum(["department", "branch"]),
});
export const CreateTokenBody = z.object({
  label: z.string().min(1).max(100),
  /** admin tokens only for departments, clerk tokens only for branches; defaults by kind. */
  role: Role.optional(),
});
export const TokenInfo = z.object({
  tokenId: z.string(),
  orgId: z.string(),
  role: Role,
  label: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export const TokenCreated = TokenInfo.extend({ token: z.string().describe("只显示这一次 / shown once") });
/** Entra tenant and object ids are GUIDs; 64 characters of letters, digits and hyphens leave room and no more. */
const EntraId = z.string().regex(/^[0-9A-Za-z-]{1,64}$/, "字母、数字或连字符，1–64 个字符 / letters, digits or hyphens, 1–64 characters");
export const EntraPrincipalBody = z.object({ tid: EntraId, oid: EntraId, role: Role });

// ---------- rule sets and templates ----------
export const VersionInfo = z.object({
  orgId: z.string(),
  id: z.string(),
  version: z.number().int(),
  sha256: z.string(),
  size: z.number().int(),
  title: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
/** Publishing: the version in the body, if any, is ignored; the server assigns n+1. */
export const PublishRuleSetBody = RuleSetShape.extend({ version: z.number().int().positive().optional() }).superRefine((v, ctx) =>
  checkRuleSetConsistency({ ...v, version: v.version ?? 1 }, ctx),
);
export const PublishTemplateBody = Template.extend({ version: z.number().int().positive().optional() });
export const RuleSetDoc = z.object({ meta: VersionInfo, ruleSet: RuleSet });
export const TemplateDoc = z.object({ meta: VersionInfo, template: Template });
export const VersionList = z.object({ items: z.array(VersionInfo) });
/** `GET /v1/rulesets?refs=a@1,b@2`: one item per distinct ref, in request order; unknown or invisible refs carry an error. */
export const RuleSetBatchItem = z.union([
  z.object({ ref: z.string(), meta: VersionInfo, ruleSet: RuleSet }),
  z.object({ ref: z.string(), error: ErrorBody.shape.error }),
]);
export const RuleSetBatch = z.object({ items: z.array(RuleSetBatchItem) });

/** An organisation's saved mapping (headers and values of its forms → a template's fields); publishing: `version` ignored. */
export const PublishMappingBody = MappingDocBody;
export const MappingDoc = z.object({ meta: VersionInfo, mapping: MappingDocBody });
/** `GET /v1/mappings`: the latest version of every mapping that applies to the caller's (or `org`'s) checks, farthest organisation first. */
export const MappingList = z.object({ items: z.array(MappingDoc) });
export const MappingDiff = z.object({
  id: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  template: z.object({ before: z.unknown(), after: z.unknown() }).optional(),
  columns: z.array(z.object({ header: z.string(), before: z.string().nullable().optional(), after: z.string().nullable().optional() })),
  values: z.array(z.object({ field: z.string(), from: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
});

export const TemplateDiff = z.object({
  id: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  fieldsAdded: z.array(z.object({ name: z.string(), title: z.string() })),
  fieldsRemoved: z.array(z.object({ name: z.string(), title: z.string() })),
  fieldsRenamed: z.array(z.object({ from: z.string(), to: z.string(), via: z.string() })),
  constraintsChanged: z.array(
    z.object({ field: z.string(), property: z.string(), before: z.unknown(), after: z.unknown() }),
  ),
  rulesAdded: z.array(z.string()),
  rulesRemoved: z.array(z.string()),
  rulesChanged: z.array(z.object({ rule: z.string(), before: z.unknown(), after: z.unknown() })),
  otherChanged: z.array(z.object({ property: z.string(), before: z.unknown(), after: z.unknown() })),
  /** Headers added to or dropped from a field's aliases. */
  aliasesChanged: z.array(z.object({ field: z.string(), added: z.array(z.string()), removed: z.array(z.string()) })),
  /** A field's value mapping (valueAliases): a spelling added (before null), dropped (after null) or sent elsewhere. */
  valueAliasesChanged: z.array(z.object({ field: z.string(), from: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
});

// ---------- collections and submissions ----------
export const DocRef = z.object({ id: DocId, version: z.number().int().positive().optional(), orgId: OrgId.optional() });
export const CreateCollectionBody = z.object({
  title: z.string().min(1).max(200),
  template: DocRef,
  ruleSet: DocRef.optional(),
  period: Period,
  dueAt: z.union([IsoDate, z.iso.datetime()]),
  branchIds: z.array(OrgId).min(1).max(5000),
  onError: z.enum(["store", "reject"]).default("store"),
  /** A ledger that does not fit the template (a dues ledger sent to a roster collection): refuse it (default) or store it as wrong_template. */
  onWrongTemplate: z.enum(["store", "reject"]).default("reject"),
});
export const Collection = z.object({
  id: z.string(),
  orgId: z.string(),
  title: z.string(),
  template: z.object({ orgId: z.string(), id: z.string(), version: z.number().int() }),
  ruleSet: z.object({ orgId: z.string().nullable(), id: z.string(), version: z.number().int() }),
  period: z.string(),
  /** The day a submission is judged on when it names none: the period's last day once past, else today (UTC+8). */
  asOf: IsoDate,
  dueAt: z.string(),
  onError: z.enum(["store", "reject"]),
  onWrongTemplate: z.enum(["store", "reject"]),
  status: z.enum(["open", "closed"]),
  branchIds: z.array(z.string()).optional(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export const CollectionList = z.object({ items: z.array(Collection) });

export const SubmitBody = z.object({
  grid: WorkbookGrid,
  /** The workbook's file name, when the grid came from a file: evidence for the ledger kind and a register's meeting type. */
  fileName: z.string().max(255).optional(),
  /** The day the ledger is judged on; the submission day when absent. */
  asOf: IsoDate.optional(),
});
export const Submission = z.object({
  id: z.string(),
  collectionId: z.string(),
  branchId: z.string(),
  version: z.number().int(),
  source: z.enum(["json", "xlsx"]),
  /** wrong_template: stored, but no sheet fits the collection's template, so nothing was checked. */
  status: z.enum(["clean", "errors", "wrong_template"]),
  late: z.boolean(),
  counts: z.object({ errors: z.number().int(), warnings: z.number().int(), infos: z.number().int() }),
  contentSha256: z.string(),
  findingsSha256: z.string(),
  fileSha256: z.string().nullable(),
  template: z.object({ orgId: z.string(), id: z.string(), version: z.number().int() }),
  ruleSet: z.object({ id: z.string(), version: z.number().int() }),
  asOf: z.string(),
  submittedBy: z.string(),
  submittedAt: z.string(),
});
export const SubmissionDetail = Submission.extend({
  findings: z.array(Finding),
  sheets: z.array(SheetReport),
  grid: WorkbookGrid.optional(),
  /** For a file upload: the format read, and a CSV's encoding and delimiter. */
  file: GridSource.optional(),
});
export const SubmissionList = z.object({ items: z.array(Submission) });

export const BranchStatus = z.object({
  branchId: z.string(),
  name: z.string(),
  status: z.enum(["not_submitted", "submitted_clean", "submitted_with_errors", "submitted_wrong_template", "late"]),
  late: z.boolean(),
  latestVersion: z.number().int().nullable(),
  submissionId: z.string().nullable(),
  errors: z.number().int().nullable(),
  warnings: z.number().int().nullable(),
  submittedAt: z.string().nullable(),
});
export const CollectionStatus = z.object({
  collectionId: z.string(),
  dueAt: z.string(),
  counts: z.record(z.string(), z.number().int()),
  branches: z.array(BranchStatus),
});

/** One 报送任务 of a branch's book: what the branch last submitted to it, and whether the book could use it. */
export const BookPartOut = z.object({
  collectionId: z.string(),
  title: z.string(),
  template: z.object({ orgId: z.string(), id: z.string(), version: z.number().int() }),
  /** The label the book's findings name this part by (their `file`). */
  label: z.string(),
  submission: z.object({ id: z.string(), version: z.number().int(), status: z.enum(["clean", "errors", "wrong_template"]), submittedAt: z.string() }).nullable(),
  /** false: not submitted, or a workbook that is not the ledger asked for (nothing in it was checked). */
  used: z.boolean(),
});
/**
 * A branch's book for one period: its latest submissions to that period's 报送任务, checked
 * against each other. `status`: checked (every part used), incomplete (some missing, the rest
 * compared), not_checked (fewer than two usable parts: nothing was compared, which is not clean).
 */
export const BranchBook = z.object({
  branchId: z.string(),
  name: z.string(),
  period: z.string(),
  asOf: IsoDate,
  status: z.enum(["checked", "incomplete", "not_checked"]),
  message: z.string(),
  parts: z.array(BookPartOut),
  counts: z.object({ errors: z.number().int(), warnings: z.number().int(), infos: z.number().int() }),
  /** What the book raises that no submission alone does, on the offending cell, naming the related one. */
  added: z.array(Finding),
  /** What a submission alone raised that the book shows was not so (months before admission are not unpaid). */
  withdrawn: z.array(Finding),
});

export const SubmissionDiff = z.object({
  branchId: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  cellsChanged: z.array(
    z.object({ sheet: z.string(), cell: z.string(), before: CellValue.optional(), after: CellValue.optional() }),
  ),
  sheetsAdded: z.array(z.string()),
  sheetsRemoved: z.array(z.string()),
  findingsFixed: z.array(Finding),
  findingsNew: z.array(Finding),
});

export const AuditEntry = z.object({
  id: z.string(),
  orgId: z.string(),
  at: z.string(),
  actor: z.string(),
  actorOrg: z.string(),
  action: z.string(),
  target: z.string(),
  sha256: z.string().nullable(),
  details: z.unknown().nullable(),
});
export const AuditList = z.object({ items: z.array(AuditEntry), next: z.string().nullable() });
