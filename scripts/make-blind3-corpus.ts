/**
 * Writes the third blind corpus (tests/fixtures/blind3/corpus.ts) as real .xlsx files with ExcelJS
 * into tests/fixtures/blind3/files/, and expected.json beside them (same bytes every run).
 * `npm run blind3:make`.
 */
import { blind3Corpus, blind3Expected } from "../tests/fixtures/blind3/corpus.js";
import { writeBlindCorpus } from "./write-blind-corpus.js";

await writeBlindCorpus("blind3", blind3Corpus(), blind3Expected);
