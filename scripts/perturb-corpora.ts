/**
 * How steady the engine's reading is: every blind corpus file is checked as written and again after each
 * perturbation of scripts/perturbations.ts (the table moved, a title or sign-off added, headers spaced or
 * broken, names padded, numbers and dates typed as text, the sheet renamed). A perturbation changes nothing
 * a sheet says, so the findings (warnings and errors, cells mapped back) and each sheet's kind should not
 * change. Prints, per perturbation, the findings lost and gained and the kinds changed. A measurement, not
 * a test: it always exits 0.
 *
 *   npm run perturb                    (all corpora; --corpus blind7 for one, --verbose for each change)
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { nodeInflateRaw } from "../cli/node-inflate.js";
import { checkWorkbook, type Finding } from "../shared/index.js";
import type { WorkbookGrid } from "../shared/grid/types.js";
import { readWorkbookFile } from "../shared/reader/index.js";
import type { BlindExpected } from "../tests/fixtures/blind/ledgers.js";
import { PERTURBATIONS } from "./perturbations.js";

const fixtures = new URL("../tests/fixtures/", import.meta.url).pathname;
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const verbose = process.argv.includes("--verbose");
const corpora = arg("--corpus") ? [arg("--corpus")!] : ["blind", ...Array.from({ length: 20 }, (_, i) => `blind${i + 2}`)].filter((c) => existsSync(join(fixtures, c, "expected.json")));

const keyOf = (f: Finding, sheet: string, cell: string | null) => `${sheet}|${cell ?? "-"}|${f.code}|${f.severity}|${f.period ?? ""}`;
const tally = new Map(PERTURBATIONS.map((p) => [p.name, { lost: 0, gained: 0, kinds: 0, crashes: 0 }]));
let files = 0;
for (const corpus of corpora) {
  const expected = JSON.parse(readFileSync(join(fixtures, corpus, "expected.json"), "utf8")) as BlindExpected;
  for (const fx of expected.files) {
    let grid: WorkbookGrid;
    try {
      grid = readWorkbookFile(readFileSync(join(fixtures, corpus, "files", fx.file)), { fileName: fx.file, inflateRaw: nodeInflateRaw });
    } catch {
      continue; // a file the reader refuses is the scorer's business, not a perturbation's
    }
    files++;
    const opts = { asOf: fx.asOf, fileName: fx.file };
    const base = checkWorkbook(grid, opts);
    const baseKeys = new Set(base.findings.filter((f) => f.severity !== "info").map((f) => keyOf(f, f.sheet, f.cell)));
    for (const p of PERTURBATIONS) {
      const t = tally.get(p.name)!;
      // A rename is tried on books of one sheet only, where the sheet's place names it.
      if (p.renames && grid.sheets.length > 1) continue;
      const changed: WorkbookGrid = { ...grid, sheets: grid.sheets.map((s) => p.apply(s, base.sheets.find((x) => x.sheet === s.name))) };
      let report;
      try {
        report = checkWorkbook(changed, opts);
      } catch (err) {
        t.crashes++;
        console.log(`CRASH ${p.name}: ${corpus}/${fx.file}: ${err instanceof Error ? err.message : String(err)}`);
        continue;
      }
      const nameOf = (sheet: string) => (p.renames ? grid.sheets[0]!.name : sheet);
      const keys = new Set(report.findings.filter((f) => f.severity !== "info").map((f) => keyOf(f, nameOf(f.sheet), f.cell === null ? null : p.mapBack(f.cell))));
      const lost = [...baseKeys].filter((k) => !keys.has(k));
      const gained = [...keys].filter((k) => !baseKeys.has(k));
      const kinds = report.sheets.flatMap((s, i) => {
        const was = base.sheets[i];
        return was && (was.status !== s.status || was.kind !== s.kind) ? [`${was.sheet}: ${was.status} ${was.kind ?? ""} → ${s.status} ${s.kind ?? ""}`] : [];
      });
      t.lost += lost.length;
      t.gained += gained.length;
      t.kinds += kinds.length;
      if (verbose && (lost.length || gained.length || kinds.length)) {
        console.log(`== ${p.name}: ${corpus}/${fx.file}`);
        for (const k of kinds) console.log(`  KIND ${k}`);
        for (const k of lost) console.log(`  LOST ${k}`);
        for (const k of gained) console.log(`  GAINED ${k}`);
      }
    }
  }
}
console.log(`${files} files of ${corpora.length} corpora, each checked as written and after each change:`);
for (const [name, t] of tally) console.log(`  ${name.padEnd(28)} findings lost ${t.lost}, gained ${t.gained}; kinds changed ${t.kinds}${t.crashes ? `; crashes ${t.crashes}` : ""}`);
