import { toYmd } from "../../calendar/days.js";
import { titleYear } from "../../records/title-year.js";
import { checkTopGradeQuota } from "../../scoring/quota.js";
import type { LedgerRecord } from "../../records/build.js";
import type { RuleSet } from "../../ruleset/schema.js";
import type { Rule, RuleContext } from "../context.js";
import { toHalfWidth } from "../../normalise/text.js";

type Sanction = RuleSet["cadreGrades"]["sanctions"][number];

/**
 * A cadre's yearly grades, one column per year (公务员法 第三十八条 and the consequences it
 * names): every grade is one of the rule set's; two (by default) consecutive years of
 * 不称职 mean dismissal (辞退); in each year column 优秀 goes to at most the rule set's share.
 * A sheet of one year's grades (one 考核等次 column) is that year's column: the year its title
 * names, else the as-of year. A sanction written in 备注 (2024年5月受党内警告处分) limits that
 * year's grade as the rule set's `sanctions` say (党内警告: not 优秀; 立案: 不定等次).
 */
export const cadreGradesRule: Rule = {
  needs: ["name"],
  run(ctx) {
    if (ctx.has("grade")) oneYear(ctx);
    if (ctx.has("grades")) byYear(ctx);
  },
};

function oneYear(ctx: RuleContext): void {
  const rules = ctx.ruleSet.cadreGrades;
  const sheetYear = titleYear(ctx.view, ctx.headerRow) ?? toYmd(ctx.asOf).y;
  // A row's own 考核年度 (an HR export of several years) is its year; else the sheet's.
  const yearOf = (rec: LedgerRecord) => ctx.num(rec, "year") ?? sheetYear;
  const grades = ctx.records.map((rec) => ctx.str(rec, "grade"));
  ctx.records.forEach((rec, i) => {
    const text = grades[i];
    if (text && !rules.grades.includes(text)) ctx.atCell(rec, "grade", "cadre.gradeUnknown", "error", { value: text, year: yearOf(rec), allowed: rules.grades.join("、") });
  });
  ctx.records.forEach((rec, i) => {
    const text = grades[i];
    if (text) checkSanction(ctx, rec, yearOf(rec), text, (code, args) => ctx.atCell(rec, "grade", code, "error", args));
  });
  const byYear = new Map<number, (string | null)[]>();
  ctx.records.forEach((rec, i) => {
    const y = yearOf(rec);
    byYear.set(y, [...(byYear.get(y) ?? []), grades[i] ?? null]);
  });
  for (const [year, ofYear] of [...byYear].sort((a, b) => a[0] - b[0])) {
    const q = checkTopGradeQuota(ofYear, rules.excellentGrade, rules.excellentQuotaShare);
    if (q.over) ctx.atPeriod("quota.excellentPerYear", rules.excellentQuotaSeverity, String(year), { excellent: q.excellent, assessed: q.assessed, allowed: q.limit, share: `${Math.round(rules.excellentQuotaShare * 100)}%` });
  }
}

function byYear(ctx: RuleContext): void {
  const rules = ctx.ruleSet.cadreGrades;
  const columns = ctx.set.repeatColumns;
  for (const rec of ctx.records) {
    let run = 0;
    let prevYear: number | null = null;
    for (let i = 0; i < columns.length; i++) {
      const col = columns[i]!;
      const v = rec.repeat[i];
      const text = typeof v === "string" ? v : null;
      if (text !== null && !rules.grades.includes(text)) {
        ctx.atColumnIndex(rec.row, col.col, "grades", "cadre.gradeUnknown", "error", { value: text, year: col.period, allowed: rules.grades.join("、") });
      }
      if (text !== null) checkSanction(ctx, rec, col.period, text, (code, args) => ctx.atColumnIndex(rec.row, col.col, "grades", code, "error", args));
      const consecutive = prevYear !== null && col.period === prevYear + 1;
      run = text === rules.failGrade ? (consecutive ? run + 1 : 1) : 0;
      prevYear = col.period;
      if (run === rules.consecutiveFailYears) {
        ctx.atColumnIndex(rec.row, col.col, "grades", "cadre.consecutiveFail", "error", { grade: rules.failGrade, years: run, from: col.period - run + 1, to: col.period });
      }
    }
  }
  columns.forEach((col, i) => {
    const q = checkTopGradeQuota(ctx.records.map((r) => (typeof r.repeat[i] === "string" ? (r.repeat[i] as string) : null)), rules.excellentGrade, rules.excellentQuotaShare);
    if (q.over) {
      ctx.atPeriod("quota.excellentPerYear", rules.excellentQuotaSeverity, String(col.period), { excellent: q.excellent, assessed: q.assessed, allowed: q.limit, share: `${Math.round(rules.excellentQuotaShare * 100)}%` });
    }
  });
}

const YEAR_IN_NOTE = /((?:19|20)\d{2})\s*(?:年|[.\-/])/g;

/**
 * The first sanction a note of the row states for `year`, with the words that state it: one of that
 * year, or of a year before it whose `later` years reach `year` (记大过 in 2024 leaves 2025 不定等次 too).
 */
function sanctionOf(ctx: RuleContext, rec: LedgerRecord, year: number): { sanction: Sanction; words: string } | null {
  for (const col of ctx.set.noteColumns) {
    const cell = ctx.view.value(rec.row, col);
    if (typeof cell !== "string" || cell.trim() === "") continue;
    // Typed in full-width mode (２０２４年), a year is the same year.
    const note = toHalfWidth(cell);
    // 2022年受党内警告: a sanction of another year does not limit this year's grade.
    const dated = [...note.matchAll(YEAR_IN_NOTE)].map((m) => ({ year: Number(m[1]), at: m.index }));
    for (const sanction of ctx.ruleSet.cadreGrades.sanctions) {
      const words = sanction.words.find((w) => note.includes(w));
      if (words === undefined) continue;
      if (sanction.unless?.some((w) => note.includes(w))) continue;
      // The sanction's year is the one written before its words (2024年6月受留党察看…，2025年6月恢复党员权利:
      // 2024); a note that dates nothing before them is read by every year it names.
      const before = dated.filter((d) => d.at < note.indexOf(words));
      const years = before.length > 0 ? [before[before.length - 1]!.year] : dated.map((d) => d.year);
      const thisYear = years.length === 0 || years.includes(year);
      const since = years.filter((y) => y < year);
      if (thisYear) return { sanction, words };
      const later = sanction.later;
      if (later && since.some((y) => year - y <= later.years)) return { sanction: { words: sanction.words, allowed: later.allowed, source: sanction.source }, words };
    }
  }
  return null;
}

export function checkSanction(ctx: RuleContext, rec: LedgerRecord, year: number, grade: string, report: (code: string, args: Record<string, string | number>) => void): void {
  if (ctx.set.noteColumns.length === 0) return;
  const found = sanctionOf(ctx, rec, year);
  if (!found) return;
  const { sanction, words } = found;
  const ruledOut = (sanction.allowed !== undefined && !sanction.allowed.includes(grade)) || (sanction.notAllowed?.includes(grade) ?? false);
  if (!ruledOut) return;
  const sep = ctx.lang === "zh" ? "、" : ", ";
  if (sanction.allowed !== undefined) report("cadre.sanctionGrade", { value: grade, words, year, allowed: sanction.allowed.join(sep), source: sanction.source });
  else report("cadre.sanctionNotGrade", { value: grade, words, year, source: sanction.source });
}
