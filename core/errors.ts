/** Error codes every transport carries back to the UI unchanged. */
export type ApiErrorCode =
  | 'invalid-argument'
  | 'not-found'
  | 'conflict'
  | 'too-large'
  | 'unauthorized'
  /** The browser shell refused where a request came from (another Host or Origin). */
  | 'forbidden'
  | 'unknown-method'
  /** A session's files could not be written: disk full, data folder removed, or no permission (the message says which). */
  | 'storage-failed'
  | 'internal';

export interface ApiErrorBody {
  readonly code: ApiErrorCode;
  readonly message: string;
}

/** Thrown by services and clients; `message` is written for a person. */
export class TryoutError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TryoutError';
  }

  toBody(): ApiErrorBody {
    return { code: this.code, message: this.message };
  }
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
