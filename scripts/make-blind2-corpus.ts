/**
 * Writes the second blind corpus (tests/fixtures/blind2/corpus.ts) as real .xlsx files with ExcelJS
 * into tests/fixtures/blind2/files/, and expected.json beside them. `npm run blind2:make`.
 */
import { blind2Corpus, blind2Expected } from "../tests/fixtures/blind2/corpus.js";
import { writeBlindCorpus } from "./write-blind-corpus.js";

await writeBlindCorpus("blind2", blind2Corpus(), blind2Expected);
