/**
 * Writes the fourth blind corpus (tests/fixtures/blind4/corpus.ts) as real .xlsx files with ExcelJS
 * into tests/fixtures/blind4/files/, and expected.json beside them (same bytes every run).
 * `npm run blind4:make`.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeWorkbook } from "../tests/fixtures/blind2/kit.js";
import { blind4Corpus, blind4Expected } from "../tests/fixtures/blind4/corpus.js";

const root = new URL("../tests/fixtures/blind4/", import.meta.url).pathname;
const filesDir = join(root, "files");

const files = blind4Corpus();
const names = new Set<string>();
for (const f of files) {
  if (names.has(f.file)) throw new Error(`two files named ${f.file}`);
  names.add(f.file);
  const cells = new Set<string>();
  for (const s of f.sheets)
    for (const p of s.expect.planted) {
      const key = `${s.name}!${p.cells[0] ?? p.period ?? p.what}`;
      if (cells.has(key)) throw new Error(`${f.file}: two planted errors at ${key}`);
      cells.add(key);
    }
}
mkdirSync(filesDir, { recursive: true });
for (const old of readdirSync(filesDir)) if (old.endsWith(".xlsx")) rmSync(join(filesDir, old));
for (const f of files) await writeWorkbook(f, join(filesDir, f.file));
writeFileSync(join(root, "expected.json"), JSON.stringify(blind4Expected(files), null, 1) + "\n");
const sheets = files.flatMap((f) => f.sheets.map((s) => s.expect));
const planted = sheets.reduce((a, s) => a + s.planted.length, 0);
const correct = sheets.reduce((a, s) => a + s.correct.length, 0);
console.log(`${files.length} files (${files.filter((f) => f.ledger).length} ledgers, ${files.filter((f) => !f.ledger).length} not), ${sheets.length} sheets, ${planted} planted errors, ${correct} cells right but unusual → ${filesDir}`);
