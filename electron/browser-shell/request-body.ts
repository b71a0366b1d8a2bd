import type { IncomingMessage } from 'node:http';
import { TryoutError } from '../../core/errors.js';

/**
 * Reads a request body of at most `limit` bytes. A bigger body is never buffered: a declared
 * Content-Length over the limit is refused at once (and the connection closed after the answer);
 * a body that grows past the limit is discarded as it arrives (up to DRAIN_LIMIT, then the
 * connection is cut) so the client still gets its 413.
 */

const DRAIN_LIMIT = 16 * 1024 * 1024;

export class BodyTooLarge extends TryoutError {
  constructor(
    limit: number,
    /** Whether the rest of the body is still arriving (answer, then close the connection). */
    readonly closeConnection: boolean,
  ) {
    super('too-large', `The request body is larger than ${limit} bytes.`);
  }
}

export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLarge(limit, true));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      received += chunk.byteLength;
      if (received > limit) {
        tooLarge = true;
        chunks.length = 0;
        if (received > DRAIN_LIMIT) {
          req.destroy();
          reject(new BodyTooLarge(limit, true));
        }
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) reject(new BodyTooLarge(limit, false));
      else resolve(Buffer.concat(chunks, received));
    });
    req.on('error', reject);
    req.on('aborted', () => reject(new TryoutError('invalid-argument', 'The request was aborted.')));
  });
}

/** Discards whatever is left of a request body (bounded), so the answer reaches the client. */
export function discardBody(req: IncomingMessage): void {
  let received = 0;
  req.on('data', (chunk: Buffer) => {
    received += chunk.byteLength;
    if (received > DRAIN_LIMIT) req.destroy();
  });
  req.resume();
}
