/**
 * Writes the fourth blind corpus (tests/fixtures/blind4/corpus.ts) as real .xlsx files with ExcelJS
 * into tests/fixtures/blind4/files/, and expected.json beside them (same bytes every run).
 * `npm run blind4:make`.
 */
import { blind4Corpus, blind4Expected } from "../tests/fixtures/blind4/corpus.js";
import { writeBlindCorpus } from "./write-blind-corpus.js";

await writeBlindCorpus("blind4", blind4Corpus(), blind4Expected);
