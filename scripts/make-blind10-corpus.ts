/**
 * Writes the tenth blind corpus (tests/fixtures/blind10/corpus.ts) as real .xlsx files with ExcelJS
 * into tests/fixtures/blind10/files/, and expected.json beside them (same bytes every run).
 * `npm run blind10:make`.
 */
import { blind10Corpus, blind10Expected } from "../tests/fixtures/blind10/corpus.js";
import { writeBlindCorpus } from "./write-blind-corpus.js";

await writeBlindCorpus("blind10", blind10Corpus(), blind10Expected);
