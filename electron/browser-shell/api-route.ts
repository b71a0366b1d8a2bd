import type { IncomingMessage, ServerResponse } from 'node:http';
import { BINARY_FIELDS, isApiMethod, MAX_AUDIO_CHUNK_BYTES, MAX_BINARY_BYTES } from '../../core/api.js';
import { TryoutError } from '../../core/errors.js';
import type { TrainerService } from '../services/trainer-service.js';
import { sendError, sendJson } from './http-common.js';
import { BodyTooLarge, discardBody, readBody } from './request-body.js';

/**
 * POST /api/<method>. JSON methods: the body is the input object (application/json, at most
 * 1 MiB). Methods with a binary field: the body is that field (application/octet-stream, at most
 * MAX_BINARY_BYTES of that method: an audio chunk, a recorded line, a scenario pack) and the
 * other fields come JSON-encoded in the x-tryout-args header.
 * Authentication, Host and Origin are checked by the caller.
 */

export const MAX_JSON_BODY_BYTES = 1024 * 1024;
const METHOD_NAME = /^[A-Za-z]{1,64}$/;

function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new TryoutError('invalid-argument', `${what} is not valid JSON.`);
  }
}

function parseArgsHeader(value: string | string[] | undefined): Record<string, unknown> {
  if (value === undefined) return {};
  if (Array.isArray(value)) throw new TryoutError('invalid-argument', 'Send x-tryout-args once.');
  const args = parseJson(value, 'The x-tryout-args header');
  if (typeof args !== 'object' || args === null || Array.isArray(args)) {
    throw new TryoutError('invalid-argument', 'The x-tryout-args header must be a JSON object.');
  }
  return args as Record<string, unknown>;
}

async function readInput(req: IncomingMessage, method: string): Promise<unknown> {
  const binaryField = isApiMethod(method) ? BINARY_FIELDS[method] : undefined;
  if (binaryField) {
    if (mediaType(req) !== 'application/octet-stream') {
      throw new TryoutError('invalid-argument', `Send ${method} as application/octet-stream, with the other fields in x-tryout-args.`);
    }
    const args = parseArgsHeader(req.headers['x-tryout-args']);
    const body = await readBody(req, (isApiMethod(method) ? MAX_BINARY_BYTES[method] : undefined) ?? MAX_AUDIO_CHUNK_BYTES);
    return { ...args, [binaryField]: new Uint8Array(body) };
  }
  if (mediaType(req) !== 'application/json') throw new TryoutError('invalid-argument', `Send ${method} as application/json.`);
  const text = (await readBody(req, MAX_JSON_BODY_BYTES)).toString('utf8');
  return text.trim() === '' ? {} : parseJson(text, 'The request body');
}

export async function handleApi(req: IncomingMessage, res: ServerResponse, service: TrainerService, method: string): Promise<void> {
  try {
    if (req.method !== 'POST') throw new TryoutError('invalid-argument', 'API methods are called with POST.');
    if (!METHOD_NAME.test(method) || !isApiMethod(method)) {
      throw new TryoutError('unknown-method', `There is no API method "${method.slice(0, 64)}".`);
    }
    const input = await readInput(req, method);
    const result = await service.dispatch(method, input);
    sendJson(res, 200, { ok: true, result });
  } catch (error) {
    const body = error instanceof TryoutError ? error.toBody() : { code: 'internal' as const, message: 'The request failed.' };
    if (!(error instanceof TryoutError)) console.error(`api ${method.slice(0, 64)}:`, error);
    if (!req.complete && !req.destroyed) {
      if (error instanceof BodyTooLarge && error.closeConnection) {
        sendError(res, body, { Connection: 'close' });
        discardBody(req);
        return;
      }
      discardBody(req);
    }
    sendError(res, body);
  }
}
