/**
 * Writes the seventh blind corpus (tests/fixtures/blind7/corpus.ts) as real .xlsx files with ExcelJS
 * into tests/fixtures/blind7/files/, and expected.json beside them (same bytes every run).
 * `npm run blind7:make`.
 */
import { blind7Corpus, blind7Expected } from "../tests/fixtures/blind7/corpus.js";
import { writeBlindCorpus } from "./write-blind-corpus.js";

await writeBlindCorpus("blind7", blind7Corpus(), blind7Expected);
