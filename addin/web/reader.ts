/** The shared xlsx reader (SheetJS + guards); imported dynamically so it loads only in web mode. */
export { readWorkbook } from "../../shared/xlsx/index.js";
