import type { z } from 'zod';
import { ApiInputSchemas, type ApiMethod, type ApiParsedInput } from '../../core/api.js';
import { TryoutError } from '../../core/errors.js';

/** Validation of API inputs at the service boundary (the renderer is untrusted). */

const MAX_ISSUES = 3;

function fieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'input';
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i > 0 ? '.' : ''}${String(key)}`)).join('');
}

/** "sessionId: session id must be ...; seq: Invalid input: expected number, received string". */
export function describeZodError(error: z.ZodError): string {
  const parts = error.issues.slice(0, MAX_ISSUES).map((issue) => {
    const missing = issue.code === 'invalid_type' && issue.message.endsWith('received undefined');
    return `${fieldName(issue.path)}: ${missing ? 'is required' : issue.message}`;
  });
  const more = error.issues.length - MAX_ISSUES;
  return more > 0 ? `${parts.join('; ')} (and ${more} more)` : parts.join('; ');
}

/** The parsed input of `method`, or TryoutError 'invalid-argument' naming the bad fields. */
export function parseApiInput<M extends ApiMethod>(method: M, raw: unknown): ApiParsedInput<M> {
  const schema: z.ZodType = ApiInputSchemas[method];
  const result = schema.safeParse(raw);
  if (!result.success) throw new TryoutError('invalid-argument', `${method}: ${describeZodError(result.error)}`);
  return result.data as ApiParsedInput<M>;
}
