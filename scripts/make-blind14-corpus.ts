/**
 * Writes the fourteenth blind corpus (tests/fixtures/blind14/corpus.ts) as real .xlsx files with ExcelJS
 * into tests/fixtures/blind14/files/, and expected.json beside them (same bytes every run).
 * `npm run blind14:make`.
 */
import { blind14Corpus, blind14Expected } from "../tests/fixtures/blind14/corpus.js";
import { writeBlindCorpus } from "./write-blind-corpus.js";

await writeBlindCorpus("blind14", blind14Corpus(), blind14Expected);
