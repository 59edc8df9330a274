/** Why a print did not go out, as a code the settings screen and the job log turn into words. */
export const PRINT_ERROR_CODES = [
  'unsupported',
  'no_printer',
  'cancelled',
  'access_denied',
  'not_printer',
  'disconnected',
  'transfer',
  'no_serial',
  'popup_blocked',
  'unknown',
] as const;
export type PrintErrorCode = (typeof PRINT_ERROR_CODES)[number];

export class PrintError extends Error {
  constructor(
    readonly code: PrintErrorCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'PrintError';
  }
}

export function errorCodeOf(error: unknown): PrintErrorCode {
  return error instanceof PrintError ? error.code : 'unknown';
}

/** The cause in a few words for the job log (DOMException name and message). */
export function errorDetail(error: unknown): string {
  if (error instanceof PrintError) return error.detail ?? error.code;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
