/**
 * Writes the eleventh blind corpus (tests/fixtures/blind11/corpus.ts) as real .xlsx files with ExcelJS
 * into tests/fixtures/blind11/files/, and expected.json beside them (same bytes every run).
 * `npm run blind11:make`.
 */
import { blind11Corpus, blind11Expected } from "../tests/fixtures/blind11/corpus.js";
import { writeBlindCorpus } from "./write-blind-corpus.js";

await writeBlindCorpus("blind11", blind11Corpus(), blind11Expected);
