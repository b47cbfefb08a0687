/**
 * The pane's one door to the engine (shared/). Everything else imports from here. The engine
 * (templates, rule set, rules, zod) loads as its own chunk right after the pane first paints,
 * so the pane's initial JavaScript stays small while the engine grows.
 */
import type { CheckOptions, ComparedLedger, Finding, SheetGrid, SheetReport } from "../../shared/index.js";
import type { MappingProposal, ProposeOptions } from "../../shared/mapping/propose.js";
import type { InferOptions, InferredTemplate } from "../../shared/template/infer/infer-template.js";

export interface TemplateChoice {
  id: string;
  version: number;
  kind: string;
  title: string;
  titleEn: string;
}

let loading: Promise<typeof import("./engine.js")> | null = null;
/** The engine module, loaded once. */
export const loadEngine = () => (loading ??= import("./engine.js"));

export async function templateChoices(): Promise<TemplateChoice[]> {
  const { BUILTIN_TEMPLATES } = await loadEngine();
  return BUILTIN_TEMPLATES.map((t) => ({ id: t.id, version: t.version, kind: t.kind, title: t.title, titleEn: t.titleEn }));
}

export async function checkOneSheet(sheet: SheetGrid, opts: CheckOptions): Promise<{ report: SheetReport; findings: Finding[] }> {
  const { checkSheet } = await loadEngine();
  return checkSheet(sheet, opts);
}

/**
 * The shown sheet checked against the workbook's other ledgers (the roster lends admission and
 * transfers to the dues ledger, …): the shown sheet's findings, cross-ledger ones included, and
 * the ledgers it was compared with.
 */
export async function checkInWorkbook(
  sheet: SheetGrid,
  others: SheetGrid[],
  opts: CheckOptions,
): Promise<{ report: SheetReport; findings: Finding[]; compared: ComparedLedger[] }> {
  if (!others.length) return { ...(await checkOneSheet(sheet, opts)), compared: [] };
  const { checkSheetInBook } = await loadEngine();
  return checkSheetInBook(sheet, others, opts);
}

/** The mapping step's proposal for a sheet (shared/mapping/propose.ts). */
export async function mappingProposal(sheet: SheetGrid, opts: ProposeOptions): Promise<MappingProposal | null> {
  const { proposeMapping } = await loadEngine();
  return proposeMapping(sheet, opts);
}

/** 「从此表生成模板」: a template proposed from the sheet (shared/template/infer). */
export async function inferFromSheet(sheet: SheetGrid, opts: InferOptions): Promise<InferredTemplate> {
  const { inferTemplate } = await loadEngine();
  return inferTemplate(sheet, opts);
}
