import { describe, expect, it } from "vitest";
import * as XLSX from "@e965/xlsx";
import { DEFAULT_RULE_SET } from "../../../shared/ruleset/default.js";
import { appraisalScore, gradeForScore } from "../../../shared/scoring/appraisal.js";
import { expectedDues } from "../../../shared/scoring/dues.js";
import { findSoffice, LIBREOFFICE_APT_PACKAGE, recalcWithLibreOffice } from "./libreoffice.js";

/**
 * Independent cross-check: our calculators against the native Excel formulas a clerk would
 * write (nested IF + ROUND), recalculated by LibreOffice. Every row must agree to the fen.
 */
const soffice = findSoffice();
const reason = soffice ? "" : ` — SKIPPED: soffice not found (apt-get install -y ${LIBREOFFICE_APT_PACKAGE})`;
if (!soffice) console.warn(`crosscheck${reason}`);

const SENTINEL = -999_999; // cached value in every formula cell: it must not survive the recalculation
const ROWS = 1000;

/** Deterministic PRNG (mulberry32), so a failure names a reproducible row. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rates: Record<string, [number | null, number][]> = {
  在职: [[300_000, 50], [500_000, 100], [1_000_000, 150], [null, 200]],
  离退休: [[500_000, 50], [null, 100]],
};
const bpFor = (fen: number, cat: string) => rates[cat]!.find(([up]) => up === null || fen <= up)![1];

function duesRows(): [number, string][] {
  const rnd = prng(20_251_231);
  const rows: [number, string][] = [];
  const edges = [0, 1, 299_999, 300_000, 300_001, 490_000, 499_999, 500_000, 500_001, 500_100, 510_000, 777_700, 999_999, 1_000_000, 1_000_001];
  for (const cat of ["在职", "离退休"]) for (const fen of edges) rows.push([fen, cat]);
  // exact half-fen products (x.xx5): where binary floating point rounds wrongly if done naively
  while (rows.length < 400) {
    const cat = rnd() < 0.7 ? "在职" : "离退休";
    const fen = Math.floor(rnd() * 3_000_000);
    if ((fen * bpFor(fen, cat)) % 10_000 === 5_000) rows.push([fen, cat]);
  }
  while (rows.length < ROWS) rows.push([Math.floor(rnd() * 3_000_000), rnd() < 0.7 ? "在职" : "离退休"]);
  return rows;
}

function appraisalRows(): [number, number, number, number][] {
  const rnd = prng(71);
  const rows: [number, number, number, number][] = [
    [1, 1, 0, 0], // 90.00
    [0, 1, 1, 0], // 70.00
    [0, 0, 1, 0], // 60.00
    [2, 0, 0, 1], // share exactly 1/3, 66.67
    [6, 0, 0, 3], // exactly 1/3, 66.67
    [5, 0, 0, 3], // > 1/3
    [1, 2, 0, 0], // 86.67 (half-up)
    [3, 5, 1, 0],
  ];
  while (rows.length < ROWS) {
    const n = () => Math.floor(rnd() * (rnd() < 0.3 ? 5 : 60));
    const r: [number, number, number, number] = [n(), n(), n(), n()];
    if (r[0] + r[1] + r[2] + r[3] > 0) rows.push(r);
  }
  return rows;
}

const DUES_FORMULA = (r: number) =>
  `IF(B${r}="离退休",IF(A${r}<=5000,ROUND(A${r}*0.005,2),ROUND(A${r}*0.01,2)),` +
  `IF(A${r}<=3000,ROUND(A${r}*0.005,2),IF(A${r}<=5000,ROUND(A${r}*0.01,2),IF(A${r}<=10000,ROUND(A${r}*0.015,2),ROUND(A${r}*0.02,2)))))`;
const SCORE_FORMULA = (r: number) => `ROUND((100*A${r}+80*B${r}+60*C${r}+0*D${r})/(A${r}+B${r}+C${r}+D${r}),2)`;
const GRADE_FORMULA = (r: number) =>
  `IF(D${r}/(A${r}+B${r}+C${r}+D${r})>1/3,IF(G${r}>=60,"基本称职","不称职"),` +
  `IF(G${r}>=90,"优秀",IF(G${r}>=70,"称职",IF(G${r}>=60,"基本称职","不称职"))))`;

function buildWorkbook() {
  const dues = duesRows();
  const votes = appraisalRows();
  const d: XLSX.WorkSheet = { "!ref": `A1:D${ROWS + 1}`, A1: { t: "s", v: "income" }, B1: { t: "s", v: "category" }, C1: { t: "s", v: "ours" }, D1: { t: "s", v: "native" } };
  const ours: { dues: number[]; score: number[]; grade: string[] } = { dues: [], score: [], grade: [] };
  dues.forEach(([fen, cat], i) => {
    const r = i + 2;
    const e = expectedDues(fen, cat, DEFAULT_RULE_SET.dues)!;
    if (e.kind !== "amount") throw new Error("bracket category expected");
    ours.dues.push(e.fen);
    d[`A${r}`] = { t: "n", v: fen / 100 };
    d[`B${r}`] = { t: "s", v: cat };
    d[`C${r}`] = { t: "n", v: e.fen / 100 };
    d[`D${r}`] = { t: "n", f: DUES_FORMULA(r), v: SENTINEL };
  });
  const a: XLSX.WorkSheet = { "!ref": `A1:H${ROWS + 1}` };
  "优秀,称职,基本称职,不称职,our score,our grade,native score,native grade".split(",").forEach((h, c) => (a[`${"ABCDEFGH"[c]}1`] = { t: "s", v: h }));
  votes.forEach(([e, c, b, i], k) => {
    const r = k + 2;
    const score = appraisalScore({ excellent: e, competent: c, basic: b, incompetent: i }, DEFAULT_RULE_SET.appraisal)!;
    const grade = gradeForScore(score, DEFAULT_RULE_SET.appraisal, i / (e + c + b + i));
    ours.score.push(score);
    ours.grade.push(grade);
    [e, c, b, i].forEach((v, col) => (a[`${"ABCD"[col]}${r}`] = { t: "n", v }));
    a[`E${r}`] = { t: "n", v: score };
    a[`F${r}`] = { t: "s", v: grade };
    a[`G${r}`] = { t: "n", f: SCORE_FORMULA(r), v: SENTINEL };
    a[`H${r}`] = { t: "s", f: GRADE_FORMULA(r), v: "SENTINEL" };
  });
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, d, "dues");
  XLSX.utils.book_append_sheet(wb, a, "appraisal");
  return { bytes: new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer), ours, dues, votes };
}

describe.skipIf(!soffice)(`LibreOffice recalculates the native formulas and agrees with the calculators${reason}`, () => {
  it(`${ROWS} dues rows and ${ROWS} appraisal rows agree to the fen`, { timeout: 180_000 }, async () => {
    const { bytes, ours, dues, votes } = buildWorkbook();
    const out = XLSX.read(await recalcWithLibreOffice(soffice!, bytes), { type: "array" });
    const d = out.Sheets["dues"]!;
    const a = out.Sheets["appraisal"]!;

    const duesDisagree: string[] = [];
    ours.dues.forEach((fen, i) => {
      const native = d[`D${i + 2}`]?.v;
      if (typeof native !== "number" || native === SENTINEL || Math.round(native * 100) !== fen) {
        duesDisagree.push(`row ${i + 2}: ${dues[i]![0] / 100} ${dues[i]![1]} ours ${fen / 100} native ${String(native)}`);
      }
    });
    const scoreDisagree: string[] = [];
    const gradeDisagree: string[] = [];
    ours.score.forEach((score, i) => {
      const native = a[`G${i + 2}`]?.v;
      if (typeof native !== "number" || Math.round(native * 100) !== Math.round(score * 100)) scoreDisagree.push(`row ${i + 2}: ${votes[i]!.join("/")} ours ${score} native ${String(native)}`);
      const nativeGrade = a[`H${i + 2}`]?.v;
      if (nativeGrade !== ours.grade[i]) gradeDisagree.push(`row ${i + 2}: ${votes[i]!.join("/")} ours ${ours.grade[i]} native ${String(nativeGrade)}`);
    });
    console.log(
      `LibreOffice cross-check: dues ${ROWS - duesDisagree.length}/${ROWS}, appraisal score ${ROWS - scoreDisagree.length}/${ROWS}, grade ${ROWS - gradeDisagree.length}/${ROWS} agree`,
    );
    expect(duesDisagree).toEqual([]);
    expect(scoreDisagree).toEqual([]);
    expect(gradeDisagree).toEqual([]);
  });
});
