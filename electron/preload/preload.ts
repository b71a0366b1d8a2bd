import { contextBridge, ipcRenderer } from 'electron';
import { API_METHOD_NAMES, type ApiMethod } from '../../core/api-methods.js';
import { invokeFailure, ipcChannel, unwrapIpcReply } from '../main/policies/ipc-channel.js';

/**
 * Sandboxed preload (bundled into one CommonJS file). Exposes `window.tryout`: one named
 * function per API method, each invoking its own channel. ipcRenderer itself is never exposed.
 * Failures reject with a plain { name, code, message } object (see ipc-channel.ts for why).
 */

function bridgeMethod(method: ApiMethod): (input: unknown) => Promise<unknown> {
  const channel = ipcChannel(method);
  return async (input) => {
    let reply: unknown;
    try {
      reply = await ipcRenderer.invoke(channel, input);
    } catch (error) {
      throw invokeFailure(error);
    }
    return unwrapIpcReply(reply);
  };
}

const api: Record<string, (input: unknown) => Promise<unknown>> = {};
for (const method of API_METHOD_NAMES) api[method] = bridgeMethod(method);

contextBridge.exposeInMainWorld('tryout', api);
