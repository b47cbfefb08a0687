/**
 * Writes the eighth blind corpus (tests/fixtures/blind8/corpus.ts) as real .xlsx files with ExcelJS
 * into tests/fixtures/blind8/files/, and expected.json beside them (same bytes every run).
 * `npm run blind8:make`.
 */
import { blind8Corpus, blind8Expected } from "../tests/fixtures/blind8/corpus.js";
import { writeBlindCorpus } from "./write-blind-corpus.js";

await writeBlindCorpus("blind8", blind8Corpus(), blind8Expected);
