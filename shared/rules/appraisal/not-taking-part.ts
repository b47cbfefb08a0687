import { readNotes } from "../../notes/read-notes.js";

/**
 * A verdict cell that says the member takes no part this time (不参加本次评议, 不参评, 免评, 暂缓评议): no grade
 * on purpose, as the 支委会 decided for one on sick leave or abroad. Not a grade of another scale, and not one of
 * those assessed when the 优秀 share is counted. The words are the notes' own (notes/patterns.ts, notAssessed).
 */
export function verdictSaysNotAssessed(text: string): boolean {
  return readNotes(text).some((f) => f.kind === "notAssessed");
}

/** The verdicts as the 优秀 share counts them: a verdict that says the member took no part is no verdict. */
export function assessedVerdicts(verdicts: readonly (string | null)[], grades: readonly string[]): (string | null)[] {
  return verdicts.map((v) => (v === null || grades.includes(v.trim()) || !verdictSaysNotAssessed(v) ? v : null));
}
