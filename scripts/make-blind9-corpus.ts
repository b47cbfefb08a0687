/**
 * Writes the ninth blind corpus (tests/fixtures/blind9/corpus.ts) as real .xlsx files with ExcelJS
 * into tests/fixtures/blind9/files/, and expected.json beside them (same bytes every run).
 * `npm run blind9:make`.
 */
import { blind9Corpus, blind9Expected } from "../tests/fixtures/blind9/corpus.js";
import { writeBlindCorpus } from "./write-blind-corpus.js";

await writeBlindCorpus("blind9", blind9Corpus(), blind9Expected);
