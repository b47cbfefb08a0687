/**
 * Writes the realistic ledger corpus (tests/fixtures/realistic/files/*.xlsx) and its
 * expectations (expected.json) from tests/fixtures/realistic/ledgers.ts. Run it after
 * changing a ledger: `npm run corpus`. The test reads the committed files, so the corpus is
 * real xlsx as ExcelJS writes it (other programs' copies are made from these).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REALISTIC_LEDGERS } from "../tests/fixtures/realistic/ledgers.js";
import { BRANCH_BOOK_SHEETS } from "../tests/fixtures/realistic/branch-book.js";
import { writeBook } from "../tests/fixtures/realistic/book.js";

const dir = new URL("../tests/fixtures/realistic/files/", import.meta.url).pathname;
mkdirSync(dir, { recursive: true });
const expected = [];
for (const ledger of REALISTIC_LEDGERS) {
  writeFileSync(join(dir, ledger.file), await ledger.build());
  const { build: _build, ...rest } = ledger;
  expected.push(rest);
}
// The same branch book split into one file per ledger, for `party-ledger check --book`.
const bookDir = new URL("../tests/fixtures/realistic/book/", import.meta.url).pathname;
mkdirSync(bookDir, { recursive: true });
for (const sheet of BRANCH_BOOK_SHEETS()) writeFileSync(join(bookDir, `东湖村党支部2025年${sheet.name}.xlsx`), await writeBook([sheet]));
writeFileSync(join(dir, "expected.json"), JSON.stringify({ about: "Expected findings per file, written by hand in tests/fixtures/realistic/ledgers.ts", ledgers: expected }, null, 2) + "\n");
console.log(`wrote ${REALISTIC_LEDGERS.length} ledgers to ${dir}`);
