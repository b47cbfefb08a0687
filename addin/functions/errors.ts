/**
 * Excel errors without the Office runtime. The functions never throw plain exceptions
 * (Excel would show a bare #VALUE!); they throw what an injected factory makes, which is
 * CustomFunctions.Error inside Excel and DjError in Node tests and the CLI.
 */
export type ExcelErrorCode = "invalidValue" | "notAvailable" | "invalidNumber";

export type ErrorFactory = (code: ExcelErrorCode, message: string) => Error;

export class DjError extends Error {
  constructor(
    readonly code: ExcelErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "DjError";
  }
}

export const plainErrorFactory: ErrorFactory = (code, message) => new DjError(code, message);

/** CustomFunctions.Error when the Office runtime is present; DjError otherwise. */
export function hostErrorFactory(): ErrorFactory {
  const cf = (globalThis as { CustomFunctions?: typeof CustomFunctions }).CustomFunctions;
  if (!cf?.Error) return plainErrorFactory;
  return (code, message) => {
    const excelCode = cf.ErrorCode[code];
    // Excel shows messages on #VALUE! and #N/A only; other codes keep theirs for logs.
    return new cf.Error(excelCode, message) as unknown as Error;
  };
}
