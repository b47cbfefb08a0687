/**
 * Writes the thirteenth blind corpus (tests/fixtures/blind13/corpus.ts) as real .xlsx files with ExcelJS
 * into tests/fixtures/blind13/files/, and expected.json beside them (same bytes every run).
 * `npm run blind13:make`.
 */
import { blind13Corpus, blind13Expected } from "../tests/fixtures/blind13/corpus.js";
import { writeBlindCorpus } from "./write-blind-corpus.js";

await writeBlindCorpus("blind13", blind13Corpus(), blind13Expected);
