import { z } from "zod";
import { patternProblem } from "./safe-pattern.js";
import { ruleRefProblems } from "./rule-params.js";

/**
 * A ledger template: the Frictionless Table Schema vocabulary (name, title, type,
 * constraints) extended for ledgers: header aliases, a repeating column group
 * (monthly dues columns), and named rules whose parameters come from the rule set.
 * Templates are data: JSON-serialisable so the Worker can store and serve them.
 */

export const FieldType = z.enum([
  "string",
  "integer",
  "number",
  "money", // yuan with two decimals, held as integer fen
  "percent",
  "date",
  "datetime",
  "month", // a calendar month: 2025-04
  "boolean",
  "idNumber", // 公民身份号码, GB 11643-1999
  "phone",
]);
export type FieldType = z.infer<typeof FieldType>;

/** A regular expression a template carries; refused unless it runs in linear time (safe-pattern.ts). */
export const SafePattern = z.string().superRefine((source, ctx) => {
  const problem = patternProblem(source);
  if (problem) ctx.addIssue({ code: "custom", message: `${problem.zh} / ${problem.en}` });
});

export const Constraints = z
  .object({
    required: z.boolean().optional(),
    unique: z.boolean().optional(),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    /** A field of the row whose value raises the maximum (总分 ≤ 100 plus the row's 加分). */
    maximumRaisedBy: z.string().max(64).optional(),
    minLength: z.number().int().optional(),
    maxLength: z.number().int().optional(),
    pattern: SafePattern.optional(),
    enum: z.array(z.string()).optional(),
  })
  .strict();
export type Constraints = z.infer<typeof Constraints>;

export const Field = z
  .object({
    name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/),
    title: z.string(),
    titleEn: z.string().optional(),
    /** What to write in the column, for the people who fill it in (the Excel form's input note). */
    description: z.string().max(500).optional(),
    type: FieldType,
    /** Other headers clerks write for this field; matching ignores spaces, line breaks, brackets' width and "*". */
    aliases: z.array(z.string()).default([]),
    constraints: Constraints.optional(),
    /** How much this header says about the ledger kind (0 = generic, like 姓名). */
    weight: z.number().min(0).max(5).default(1),
    /**
     * A repeating column group: one column per period. Month headers are read in every form
     * clerks write them (1月, 一月, 2025年1月, 2025.1, a bare 1 under 月份 …); `pattern`, a
     * regular expression whose first capture is the month, adds a form of the template's own.
     * `year`: one column per year (2024年度). `points`: the items of a 百分制 assessment, each
     * header carrying its full marks (三会一课（25分）), which is the column's `period`.
     */
    repeat: z.object({ pattern: SafePattern.optional(), period: z.enum(["month", "year", "points"]) }).optional(),
    /**
     * What the column's cells look like, beside the type: typical values (正式党员, 预备党员),
     * or a kind of text (a person's name, a meeting type). Evidence for recognising the column
     * by its content, never a constraint.
     */
    content: z
      .object({
        values: z.array(z.string()).optional(),
        kind: z.enum(["personName", "meetingType"]).optional(),
      })
      .strict()
      .optional(),
    /**
     * A column the clerk should fill but may leave empty: an empty cell is a warning
     * (「未填写」), where `required` makes it an error.
     */
    recommended: z.boolean().optional(),
    /** Whether a 合计 / 小计 row sums this column (money columns do unless told otherwise). */
    additive: z.boolean().optional(),
    /**
     * Other ways clerks write a text field's values (男性 → 男): mapped before the rules run;
     * findings still quote the clerk's own text.
     */
    valueAliases: z.record(z.string(), z.string()).optional(),
    /**
     * For a date field: the field a span written in its cell ends (集中培训时间 "2024.10.8-10.9"
     * is the training's start and, in `rangeEnd`, its end).
     */
    rangeEnd: z.string().max(64).optional(),
    /**
     * For a count field: the field the second figure of a pair written in its cell fills
     * (应到/实到 "25/23": 25 expected and, in `pairEnd`, 23 present), where no column holds it.
     */
    pairEnd: z.string().max(64).optional(),
    /**
     * For a text field: the facts its cells say as a sentence (参会情况 "应到22人，实到20人，缺席2人（…）"
     * gives 应到, 实到 and 缺席), filling the fields no column holds. A sentence not understood is said so.
     */
    sentence: z.enum(["attendance", "vote"]).optional(),
    /**
     * The fields a sentence fills, in the order its kind says them (attendance: 应到, 实到, 缺席; vote: 应到, 实到,
     * 赞成); only those no column holds.
     */
    fills: z.array(z.string().max(64)).min(2).max(3).optional(),
    /**
     * Facts a note may state that explain the cell left empty on purpose (评议结果 blank and
     * 备注「长期病假，不参评」): the kinds of `shared/notes/patterns.ts`. Such a cell is not
     * 「不能为空」; it is said as read, never passed over in silence.
     */
    excusedBy: z.array(z.string().max(32)).max(16).optional(),
    /**
     * Values of another field of the same row that say this one does not apply (届满时间 where
     * 是否设支委会 is 否: no committee, no term to renew): an empty cell there is not 「不能为空」.
     */
    notNeededWhen: z
      .array(z.object({ field: z.string().max(64), equals: z.union([z.boolean(), z.number(), z.string().max(32)]) }).strict())
      .max(8)
      .optional(),
    /**
     * Words a clerk writes in the cell for "this member has none of it yet" (党龄「预备」: a
     * probationary member's party age has not begun): read as no value, not as a bad one.
     */
    noneWords: z.array(z.string().min(1).max(16)).max(16).optional(),
  })
  .strict();
export type Field = z.input<typeof Field>;
export type FieldParsed = z.output<typeof Field>;

export const RuleRef = z
  .object({
    /** A rule of the engine's registry, e.g. "dues.amount" or "meetings.frequency". */
    rule: z.string(),
    /** Per-template overrides of the rule set's parameters for this rule. */
    params: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .superRefine((ref, ctx) => {
    for (const p of ruleRefProblems(ref)) ctx.addIssue({ code: "custom", path: p.path, message: p.message });
  });
export type RuleRef = z.infer<typeof RuleRef>;

export const LedgerKind = z.enum([
  "roster", // 党员花名册
  "dues", // 党费收缴台账 (monthly columns or one row per payment)
  "meetings", // 三会一课
  "development", // 发展党员
  "appraisal", // 民主评议党员 result
  "assessment", // 干部考核 民主测评
  "committee", // 支部委员会: its terms and elections, or its members
  "organisation-assessment", // 党组织书记 / 党支部 年度考核结果
  "cadre-grades", // a cadre's 年度考核等次, one column per year
  "form", // a department's own form (template infer): its fields' constraints and the shared rules its known fields allow
]);
export type LedgerKind = z.infer<typeof LedgerKind>;

export const Template = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    version: z.number().int().positive(),
    kind: LedgerKind,
    title: z.string(),
    titleEn: z.string(),
    fields: z.array(Field).min(1),
    /** Rules over one row or across rows, in the order they run. */
    rules: z.array(RuleRef).default([]),
    /** Headers below this score do not count as a recognised sheet. */
    minScore: z.number().min(0).default(3),
    /** Fields that must all be found for the sheet to be recognised as this template. */
    requiredHeaders: z.array(z.string()).default([]),
    /**
     * Columns that may stand in for a required one: the 单位 of a 领导班子's 民主测评 is whom it assesses, where a
     * cadre's sheet names a person (姓名).
     */
    requiredStandIns: z.record(z.string(), z.array(z.string()).max(8)).default({}),
    /**
     * Fields that tell this ledger from look-alikes: at least `min` of `of` must be found
     * (a development record shows its dated steps, not only 培训开始时间).
     */
    distinctive: z.array(z.object({ of: z.array(z.string()).min(1), min: z.number().int().positive() }).strict()).default([]),
    /** Words that, in a sheet's name, title rows or file name, say it is this ledger (花名册, 党费). */
    titleWords: z.array(z.string()).default([]),
    /** Words that, in a sheet's name or title rows, say it is another kind of sheet: never this one (述职评议 of 书记, not 民主评议党员). */
    otherTitleWords: z.array(z.string()).default([]),
  })
  .strict();
export type Template = z.input<typeof Template>;
export type TemplateParsed = z.output<typeof Template>;
