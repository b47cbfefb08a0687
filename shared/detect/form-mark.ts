import { contextTexts, type SheetContext } from "./sheet-context.js";

/**
 * The mark a form made from a template carries in its title row (shared/template/form-workbook.ts):
 * 「党员花名册（模板 roster 第 3 版）」, "Member roster (template roster v3)". A sheet so marked is that
 * template version, before any look-alike of similar score (a built-in ledger with the same fields).
 */
const MARK = /(?:模板|template)\s*([a-z0-9][a-z0-9-]*)\s*(?:第\s*(\d+)\s*版|v(\d+)|@(\d+))/gi;

export function formMark(t: { id: string; version: number }): string {
  return `模板 ${t.id} 第 ${t.version} 版`;
}

export function formMarkEn(t: { id: string; version: number }): string {
  return `template ${t.id} v${t.version}`;
}

export function marksTemplate(ctx: SheetContext, t: { id: string; version: number }): boolean {
  for (const text of contextTexts(ctx)) {
    for (const m of text.matchAll(MARK)) {
      if (m[1]!.toLowerCase() === t.id && Number(m[2] ?? m[3] ?? m[4]) === t.version) return true;
    }
  }
  return false;
}
