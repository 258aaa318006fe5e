import type { ErrorCode } from '../../shared/errors';

/** A failure the adviser can be told about. It carries only a code: never data or free text. */
export class AppError extends Error {
  constructor(readonly code: ErrorCode) {
    super(code);
    this.name = 'AppError';
  }
}
