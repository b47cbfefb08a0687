/**
 * Writes the twelfth blind corpus (tests/fixtures/blind12/corpus.ts) as real .xlsx files with ExcelJS
 * into tests/fixtures/blind12/files/, and expected.json beside them (same bytes every run).
 * `npm run blind12:make`.
 */
import { blind12Corpus, blind12Expected } from "../tests/fixtures/blind12/corpus.js";
import { writeBlindCorpus } from "./write-blind-corpus.js";

await writeBlindCorpus("blind12", blind12Corpus(), blind12Expected);
