/**
 * Scores the engine on the blind corpus (tests/fixtures/blind): each file read with
 * readWorkbookFile and checked with checkWorkbook exactly as the CLI does, on the as-of day
 * expected.json gives it. Prints kinds right, non-ledgers wrongly recognised, planted errors found
 * at their cell (recall), false alarms (severity error on a cell marked correct or on no planted
 * cell), and per file what was missed and what was a false alarm. A measurement, not a test: it
 * always exits 0.
 *
 *   npm run blind            (add --json for the same as JSON, --quiet for the score lines only,
 *                             --warnings to list the warnings on no planted cell too, --found to list
 *                             what found each planted error)
 *   npm run blind2           (the same for the second blind corpus: --corpus blind2, which reads
 *                             tests/fixtures/blind2/files and its expected.json)
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { nodeInflateRaw } from "../cli/node-inflate.js";
import { checkWorkbook, type Finding, type SheetReport } from "../shared/index.js";
import { readWorkbookFile } from "../shared/reader/index.js";
import type { BlindExpected, FileExpect, Planted, SheetExpect } from "../tests/fixtures/blind/ledgers.js";

/** --corpus NAME scores tests/fixtures/NAME (blind by default; blind2 is the second corpus). */
function corpusName(): string {
  const i = process.argv.indexOf("--corpus");
  const name = i >= 0 ? process.argv[i + 1] : "blind";
  if (!name || !/^[a-z0-9-]+$/.test(name)) throw new Error("--corpus takes a folder name under tests/fixtures, e.g. --corpus blind2");
  return name;
}
const corpus = corpusName();
const root = new URL(`../tests/fixtures/${corpus}/`, import.meta.url).pathname;
const expected = JSON.parse(readFileSync(join(root, "expected.json"), "utf8")) as BlindExpected;
const asJson = process.argv.includes("--json");
const quiet = process.argv.includes("--quiet");
const showWarnings = process.argv.includes("--warnings");
const showFound = process.argv.includes("--found");

interface PlantResult {
  sheet: string;
  planted: Planted;
  found: Finding | null;
}
interface FalseAlarm {
  finding: Finding;
  onCorrect: string | null;
}
interface SheetResult {
  expect: SheetExpect;
  report: SheetReport | null;
}
interface FileResult {
  file: string;
  error?: string;
  sheets: SheetResult[];
  plants: PlantResult[];
  falseAlarms: FalseAlarm[];
  warningsOnCorrect: { finding: Finding; why: string }[];
  /** Warnings on no planted cell: not counted as false alarms; listed with --warnings. */
  otherWarnings: Finding[];
  unexpectedSheets: string[];
  findings: Finding[];
}

/** "花名册!B7" → [花名册, B7]; "B7" → [sheet, B7]. */
function splitCell(c: string, sheet: string): [string, string] {
  const i = c.lastIndexOf("!");
  return i < 0 ? [sheet, c] : [c.slice(0, i), c.slice(i + 1)];
}

function matches(f: Finding, p: Planted, sheet: string): boolean {
  for (const c of p.cells) {
    const [s, a] = splitCell(c, sheet);
    if (f.sheet === s && f.cell === a) return true;
  }
  const sheetLevel = p.period !== undefined || p.mentions !== undefined;
  if (!sheetLevel || f.cell !== null) return false;
  // A run of missing months is one finding named by its first period; it lists the others (2025-07、2025-08).
  if (p.period !== undefined && f.period !== p.period && (/^\d{4}$/.test(p.period) || !f.message.includes(p.period))) return false;
  if (p.mentions !== undefined && !p.mentions.some((m) => f.message.includes(m))) return false;
  return f.sheet === sheet || p.mentions !== undefined;
}

function scoreFile(fx: FileExpect): FileResult {
  const result: FileResult = { file: fx.file, sheets: [], plants: [], falseAlarms: [], warningsOnCorrect: [], otherWarnings: [], unexpectedSheets: [], findings: [] };
  let sheets: SheetReport[] = [];
  let findings: Finding[] = [];
  try {
    const bytes = readFileSync(join(root, "files", fx.file));
    const grid = readWorkbookFile(bytes, { fileName: fx.file, inflateRaw: nodeInflateRaw });
    const report = checkWorkbook(grid, { asOf: fx.asOf, fileName: fx.file });
    sheets = report.sheets;
    findings = report.findings;
    result.findings = findings;
  } catch (err) {
    result.error = err instanceof Error ? err.message : String(err);
  }
  for (const sx of fx.sheets) result.sheets.push({ expect: sx, report: sheets.find((s) => s.sheet === sx.sheet) ?? null });
  result.unexpectedSheets = sheets.filter((s) => !fx.sheets.some((x) => x.sheet === s.sheet)).map((s) => s.sheet);
  const allPlants = fx.sheets.flatMap((sx) => sx.planted.map((p) => ({ sheet: sx.sheet, p })));
  for (const { sheet, p } of allPlants) {
    const hits = findings.filter((f) => matches(f, p, sheet));
    const best = hits.find((f) => f.severity === p.severity) ?? hits[0] ?? null;
    result.plants.push({ sheet, planted: p, found: best });
  }
  const correct = new Map<string, string>();
  const warningOk = new Set<string>();
  for (const sx of fx.sheets)
    for (const c of sx.correct) {
      correct.set(`${sx.sheet}!${c.cell}`, c.why);
      if (c.warningOk) warningOk.add(`${sx.sheet}!${c.cell}`);
    }
  for (const f of findings) {
    const onCorrect = f.cell ? (correct.get(`${f.sheet}!${f.cell}`) ?? null) : null;
    const planted = allPlants.some(({ sheet, p }) => matches(f, p, sheet));
    if (f.severity === "error" && (!planted || onCorrect)) result.falseAlarms.push({ finding: f, onCorrect });
    else if (f.severity === "warning" && onCorrect && !warningOk.has(`${f.sheet}!${f.cell}`)) result.warningsOnCorrect.push({ finding: f, why: onCorrect });
    else if (f.severity === "warning" && !planted && !onCorrect) result.otherWarnings.push(f);
  }
  return result;
}

function context(r: FileResult, pr: PlantResult): string {
  const rep = r.sheets.find((s) => s.expect.sheet === pr.sheet)?.report;
  if (!rep) return "sheet not in the report";
  if (rep.status !== "checked") return `sheet ${rep.status}`;
  const parts: string[] = [];
  const first = pr.planted.cells[0];
  if (first) {
    const [s, a] = splitCell(first, pr.sheet);
    const col = a.replace(/\d+$/, "");
    const row = Number(a.slice(col.length));
    const sheetRep = r.sheets.find((x) => x.expect.sheet === s)?.report;
    const colRep = sheetRep?.columns?.find((c) => c.column === col);
    parts.push(colRep ? `column ${col} “${colRep.header}” → ${colRep.field ?? "unassigned"}` : `column ${col} not a header column`);
    const inRow = r.findings.filter((f) => f.sheet === s && f.row === row).map((f) => `${f.code}@${f.cell}(${f.severity})`);
    if (inRow.length) parts.push(`same row: ${inRow.join(", ")}`);
  } else {
    const lvl = r.findings.filter((f) => f.sheet === pr.sheet && f.cell === null).map((f) => `${f.code}${f.period ? "@" + f.period : ""}`);
    parts.push(lvl.length ? `sheet-level findings: ${lvl.slice(0, 8).join(", ")}${lvl.length > 8 ? " …" : ""}` : "no sheet-level finding");
  }
  return parts.join("; ");
}

const results: FileResult[] = expected.files.map(scoreFile);

const ledgerSheets = results.flatMap((r) => r.sheets.filter((s) => s.expect.checked));
const otherSheets = results.flatMap((r) => r.sheets.filter((s) => !s.expect.checked));
const kindsRight = ledgerSheets.filter((s) => s.report?.status === "checked" && s.report.kind === s.expect.kind).length;
const wronglyRecognised = otherSheets.filter((s) => s.report?.status === "checked");
const plants = results.flatMap((r) => r.plants);
const found = plants.filter((p) => p.found);
const sure = plants.filter((p) => !p.planted.unsure);
const sureFound = sure.filter((p) => p.found);
const falseAlarms = results.flatMap((r) => r.falseAlarms);
const onCorrect = falseAlarms.filter((f) => f.onCorrect);
const pct = (a: number, b: number) => (b === 0 ? "—" : `${((100 * a) / b).toFixed(1)}%`);

const lines = [
  `${corpus === "blind" ? "blind corpus" : `blind corpus (${corpus})`}: ${results.length} files (${expected.files.filter((f) => f.ledger).length} ledgers, ${expected.files.filter((f) => !f.ledger).length} not), ${ledgerSheets.length + otherSheets.length} sheets`,
  `kinds right: ${kindsRight} / ${ledgerSheets.length}`,
  `non-ledgers wrongly recognised: ${wronglyRecognised.length} / ${otherSheets.length}`,
  `planted errors found at their cell: ${found.length} / ${plants.length} (recall ${pct(found.length, plants.length)}; sure ones ${sureFound.length} / ${sure.length}, ${pct(sureFound.length, sure.length)})`,
  `false alarms (severity error, not planted): ${falseAlarms.length} (on cells marked correct: ${onCorrect.length})`,
  `warnings on no planted cell (not counted): ${results.reduce((a, r) => a + r.otherWarnings.length, 0)}; on cells marked correct: ${results.reduce((a, r) => a + r.warningsOnCorrect.length, 0)}`,
];

if (asJson) {
  console.log(
    JSON.stringify(
      {
        score: { kindsRight, ledgerSheets: ledgerSheets.length, wronglyRecognised: wronglyRecognised.length, otherSheets: otherSheets.length, found: found.length, planted: plants.length, falseAlarms: falseAlarms.length, onCorrect: onCorrect.length },
        files: results.map((r) => ({
          file: r.file,
          error: r.error,
          sheets: r.sheets.map((s) => ({ sheet: s.expect.sheet, expected: s.expect.kind, checked: s.expect.checked, status: s.report?.status ?? null, kind: s.report?.kind ?? null })),
          misses: r.plants.filter((p) => !p.found).map((p) => ({ sheet: p.sheet, cells: p.planted.cells, period: p.planted.period, what: p.planted.what, unsure: p.planted.unsure ?? false, context: context(r, p) })),
          falseAlarms: r.falseAlarms.map((f) => ({ sheet: f.finding.sheet, cell: f.finding.cell, code: f.finding.code, message: f.finding.message, onCorrect: f.onCorrect })),
        })),
      },
      null,
      1,
    ),
  );
} else {
  console.log(lines.join("\n"));
  if (!quiet) {
    for (const r of results) {
      const misses = r.plants.filter((p) => !p.found);
      const sevDiff = r.plants.filter((p) => p.found && p.found.severity !== p.planted.severity);
      const kindIssues = r.sheets.filter((s) => (s.expect.checked ? !(s.report?.status === "checked" && s.report.kind === s.expect.kind) : s.report?.status === "checked"));
      if (!r.error && !misses.length && !r.falseAlarms.length && !kindIssues.length && !sevDiff.length && !r.warningsOnCorrect.length && !(showWarnings && r.otherWarnings.length) && !showFound) continue;
      console.log(`\n== ${r.file}`);
      if (r.error) console.log(`  READ/CHECK FAILED: ${r.error}`);
      for (const s of kindIssues) {
        const got = s.report ? `${s.report.status}${s.report.kind ? " " + s.report.kind : ""}` : "absent";
        const near = s.report?.candidates?.map((c) => `${c.kind}(${c.score}${c.missing.length ? ", lacks " + c.missing.join("/") : ""})`).join("; ");
        console.log(`  KIND  「${s.expect.sheet}」 expected ${s.expect.kind ?? "not a ledger"}, got ${got}${near ? "  — closest: " + near : ""}`);
      }
      for (const p of misses) console.log(`  MISS  「${p.sheet}」 ${p.planted.cells[0] ?? p.planted.period ?? "(sheet)"}  ${p.planted.what}${p.planted.unsure ? "  [unsure]" : ""}\n          ${context(r, p)}`);
      for (const p of sevDiff) console.log(`  SEVERITY  「${p.sheet}」 ${p.found!.cell ?? p.found!.period ?? ""} planted ${p.planted.severity}, found ${p.found!.severity} (${p.found!.code})${p.planted.unsure ? "  [unsure]" : ""}`);
      for (const fa of r.falseAlarms)
        console.log(`  FALSE ALARM  「${fa.finding.sheet}」 ${fa.finding.cell ?? fa.finding.period ?? "(sheet)"} ${fa.finding.code}: ${fa.finding.message}${fa.onCorrect ? `\n          marked correct: ${fa.onCorrect}` : ""}`);
      for (const w of r.warningsOnCorrect) console.log(`  warning on a correct cell  「${w.finding.sheet}」 ${w.finding.cell} ${w.finding.code}: ${w.finding.message}`);
      if (showFound) for (const p of r.plants.filter((x) => x.found)) console.log(`  found  「${p.sheet}」 ${p.planted.cells[0] ?? p.planted.period ?? "(sheet)"} ${p.planted.what}\n          ← ${p.found!.cell ?? p.found!.period ?? ""} ${p.found!.code}: ${p.found!.message}`);
      if (showWarnings) for (const w of r.otherWarnings) console.log(`  other warning  「${w.sheet}」 ${w.cell ?? w.period ?? "(sheet)"} ${w.code}: ${w.message}`);
    }
    console.log("\n" + lines.slice(1).join("\n"));
  }
}
