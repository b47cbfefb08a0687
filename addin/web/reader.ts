/** The shared file reader (every format, with its guards); imported dynamically so it loads only in web mode. */
export { readWorkbookFile } from "../../shared/reader/index.js";
