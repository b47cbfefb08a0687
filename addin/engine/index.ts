/**
 * The pane's one door to the engine (shared/). Everything else imports from here.
 */
import { BUILTIN_TEMPLATES, checkSheet } from "../../shared/index.js";
import type { CheckOptions, Finding, SheetGrid, SheetReport } from "../../shared/index.js";

export interface TemplateChoice {
  id: string;
  version: number;
  kind: string;
  title: string;
  titleEn: string;
}

export function templateChoices(): TemplateChoice[] {
  return BUILTIN_TEMPLATES.map((t) => ({ id: t.id, version: t.version, kind: t.kind, title: t.title, titleEn: t.titleEn }));
}

export function checkOneSheet(sheet: SheetGrid, opts: CheckOptions): { report: SheetReport; findings: Finding[] } {
  return checkSheet(sheet, opts);
}
