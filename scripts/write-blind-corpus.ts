/**
 * Writes one blind corpus (tests/fixtures/NAME): its files as real .xlsx with ExcelJS into files/
 * (the old ones removed first), expected.json beside them (same bytes every run), after checking
 * that no file name and no planted cell is given twice. The makers of corpora 2, 3 and 4 call it.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeWorkbook, type FileSpec } from "../tests/fixtures/blind2/kit.js";

export async function writeBlindCorpus<F extends FileSpec>(name: string, files: F[], expected: (files: F[]) => unknown): Promise<void> {
  const root = new URL(`../tests/fixtures/${name}/`, import.meta.url).pathname;
  const filesDir = join(root, "files");
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
  writeFileSync(join(root, "expected.json"), JSON.stringify(expected(files), null, 1) + "\n");
  const sheets = files.flatMap((f) => f.sheets.map((s) => s.expect));
  const planted = sheets.reduce((a, s) => a + s.planted.length, 0);
  const correct = sheets.reduce((a, s) => a + s.correct.length, 0);
  console.log(`${files.length} files (${files.filter((f) => f.ledger).length} ledgers, ${files.filter((f) => !f.ledger).length} not), ${sheets.length} sheets, ${planted} planted errors, ${correct} cells right but unusual → ${filesDir}`);
}
