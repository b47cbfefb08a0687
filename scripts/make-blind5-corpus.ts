/**
 * Writes the fifth blind corpus (tests/fixtures/blind5/corpus.ts) as real .xlsx files with ExcelJS
 * into tests/fixtures/blind5/files/, and expected.json beside them (same bytes every run).
 * `npm run blind5:make`.
 */
import { blind5Corpus, blind5Expected } from "../tests/fixtures/blind5/corpus.js";
import { writeBlindCorpus } from "./write-blind-corpus.js";

await writeBlindCorpus("blind5", blind5Corpus(), blind5Expected);
