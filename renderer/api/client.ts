import { API_METHODS, BINARY_FIELDS, type ApiMethod, type TrainerApi, type TrainerClient } from '../../core/api.js';
import { isApiErrorBody, TryoutError } from '../../core/errors.js';

declare global {
  interface Window {
    /** Set by the Electron preload: one named function per API method. */
    tryout?: TrainerApi;
  }
}

/** Media is served by the back end under the app's own origin, whichever transport is used. */
const media = {
  clipUrl: (scenarioId: string, clip: string) => `/media/clips/${encodeURIComponent(scenarioId)}/${encodeURIComponent(clip)}`,
  recordingUrl: (sessionId: string) => `/media/sessions/${encodeURIComponent(sessionId)}/audio.wav`,
};

const SAVES_ON_UNLOAD: ReadonlySet<ApiMethod> = new Set(['saveReview', 'saveDraft']);

async function postHttp(method: ApiMethod, input: unknown): Promise<unknown> {
  const binaryField = BINARY_FIELDS[method];
  let init: RequestInit;
  if (binaryField && input && typeof input === 'object') {
    const { [binaryField]: body, ...rest } = input as Record<string, unknown>;
    init = {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-tryout-args': JSON.stringify(rest) },
      body: body as Uint8Array<ArrayBuffer>,
    };
  } else {
    const body = JSON.stringify(input ?? {});
    // keepalive lets a save sent while the page unloads (a reload mid-review or mid-draft) still
    // arrive; browsers cap keepalive bodies in flight at 64 KB in all, so only small saves use it.
    const keepalive = SAVES_ON_UNLOAD.has(method) && body.length < 16_000;
    init = { method: 'POST', headers: { 'content-type': 'application/json' }, body, keepalive };
  }
  let response: Response;
  try {
    response = await fetch(`/api/${method}`, { ...init, credentials: 'same-origin' });
  } catch {
    throw new TryoutError('internal', 'The Tryout back end is not answering. Is it still running?');
  }
  const payload: unknown = await response.json().catch(() => null);
  if (payload && typeof payload === 'object' && (payload as { ok?: unknown }).ok === true) return (payload as { result: unknown }).result;
  const error = payload && typeof payload === 'object' ? (payload as { error?: unknown }).error : undefined;
  if (isApiErrorBody(error)) throw new TryoutError(error.code, error.message);
  throw new TryoutError('internal', `The back end answered ${response.status} without an explanation.`);
}

function fromBridge(bridge: TrainerApi, method: ApiMethod) {
  return async (input: unknown) => {
    try {
      return await (bridge[method] as (i: unknown) => Promise<unknown>)(input);
    } catch (err) {
      const e = err as { code?: unknown; message?: unknown };
      const body = { code: e.code, message: typeof e.message === 'string' ? e.message.replace(/^Error invoking remote method '[^']+': (Error: )?/, '') : '' };
      throw isApiErrorBody(body) ? new TryoutError(body.code, body.message) : err;
    }
  };
}

/** The renderer's one client: Electron IPC when the preload bridge is there, else the browser shell's HTTP. */
export function createClient(): TrainerClient {
  const bridge = window.tryout;
  const methods = Object.fromEntries(
    API_METHODS.map((m) => [m, bridge ? fromBridge(bridge, m) : (input: unknown) => postHttp(m, input)]),
  ) as unknown as TrainerApi;
  return { ...methods, ...media, transport: bridge ? 'electron' : 'browser-shell' };
}
