import type { SheetView } from "../grid/sheet-view.js";
import { toHalfWidth } from "../normalise/text.js";
import { cellText } from "./header-cells.js";

/**
 * What a sheet says about itself outside its table: its name, the title rows above the
 * header ("东湖村党支部2025年党费收缴台账", "填报单位：…") and the file's name. Evidence for
 * the ledger kind, the meeting type of a one-type register, and the ledger's year.
 */
export interface SheetContext {
  sheetName: string;
  fileName: string;
  /** Texts of the rows above the header, top down. */
  titles: string[];
}

/** File names of templates carry a system prefix ("[sample_pm_Meeting]"); it says nothing to a clerk. */
export function cleanFileName(name: string): string {
  return toHalfWidth(name)
    .replace(/^.*[\\/]/, "")
    .replace(/\.[a-z0-9]{2,4}$/i, "")
    .replace(/^\[[^\]]*\]/, "");
}

export function sheetContext(view: SheetView, headerTop: number, fileName = ""): SheetContext {
  const titles: string[] = [];
  for (let r = view.firstRow; r < headerTop; r++) {
    const seen = new Set<string>();
    for (let c = view.firstCol; c < view.colCount; c++) {
      const t = cellText(view, r, c);
      if (t !== "" && !seen.has(t)) {
        seen.add(t);
        titles.push(t);
      }
    }
  }
  return { sheetName: view.name, fileName: cleanFileName(fileName), titles };
}

/** Every text of the context, most specific first: titles, then the sheet name, then the file name. */
export function contextTexts(ctx: SheetContext): string[] {
  return [...ctx.titles, ctx.sheetName, ctx.fileName].filter((t) => t !== "");
}

export function contextMentions(ctx: SheetContext, words: readonly string[]): string | null {
  if (words.length === 0) return null;
  for (const text of contextTexts(ctx)) {
    const t = toHalfWidth(text);
    for (const w of words) if (t.includes(w)) return w;
  }
  return null;
}
