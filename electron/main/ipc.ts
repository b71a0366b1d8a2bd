import { API_METHODS, type ApiMethod } from '../../core/api.js';
import { TryoutError, type ApiErrorBody } from '../../core/errors.js';
import { ipcChannel, type IpcReply } from './policies/ipc-channel.js';
import { isTrustedSender, type SenderFrameLike } from './policies/ipc-sender.js';

/**
 * One `ipcMain.handle('tryout:<method>')` per API method. Each checks the sender first, then
 * hands the call to the service's one dispatch (which checks the caller's role against
 * API_POLICY): no method, settings included, is answered here. Replies are values
 * ({ ok, result } / { ok: false, error }), never throws, so the error code reaches the renderer
 * (a thrown error would arrive as a bare message).
 */

/** The part of IpcMainInvokeEvent this module reads. */
export interface InvokeEventLike {
  readonly senderFrame: SenderFrameLike | null;
}

/** Electron's ipcMain fits this; tests pass a fake. */
export interface IpcRegistrar {
  handle(channel: string, listener: (event: InvokeEventLike, input: unknown) => Promise<IpcReply>): void;
}

export interface IpcDeps {
  /** The trainer service's dispatch (checks the role, validates its input, rejects with TryoutError only). */
  readonly dispatch: (method: string, rawInput: unknown) => Promise<unknown>;
  readonly log?: (message: string) => void;
}

const UNTRUSTED: ApiErrorBody = { code: 'unauthorized', message: 'This page is not allowed to use the Tryout back end.' };
const INTERNAL: ApiErrorBody = { code: 'internal', message: 'Something went wrong in the Tryout back end; its log has the details.' };

function senderIsTrusted(event: InvokeEventLike): boolean {
  try {
    return isTrustedSender(event.senderFrame);
  } catch {
    // senderFrame throws once the frame is gone; a caller that vanished is not trusted.
    return false;
  }
}

export function registerIpcHandlers(ipc: IpcRegistrar, deps: IpcDeps): ApiMethod[] {
  const log = deps.log ?? ((message: string) => console.error(message));

  for (const method of API_METHODS) {
    ipc.handle(ipcChannel(method), async (event, input) => {
      if (!senderIsTrusted(event)) return { ok: false, error: UNTRUSTED };
      try {
        return { ok: true, result: await deps.dispatch(method, input) };
      } catch (error) {
        if (error instanceof TryoutError) return { ok: false, error: error.toBody() };
        log(`${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return { ok: false, error: INTERNAL };
      }
    });
  }
  return [...API_METHODS];
}
