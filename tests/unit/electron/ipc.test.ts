import { describe, expect, it } from 'vitest';
import { API_METHODS } from '../../../core/api.js';
import { TryoutError } from '../../../core/errors.js';
import { registerIpcHandlers, type InvokeEventLike, type IpcRegistrar } from '../../../electron/main/ipc.js';
import type { IpcReply } from '../../../electron/main/policies/ipc-channel.js';

type Listener = Parameters<IpcRegistrar['handle']>[1];

function setup(dispatch: (method: string, input: unknown) => Promise<unknown> = async (method, input) => ({ method, input })) {
  const handlers = new Map<string, Listener>();
  const ipc: IpcRegistrar = {
    handle(channel, listener) {
      expect(handlers.has(channel)).toBe(false);
      handlers.set(channel, listener);
    },
  };
  const calls: string[] = [];
  const logs: string[] = [];
  registerIpcHandlers(ipc, {
    dispatch: (method, input) => {
      calls.push(method);
      return dispatch(method, input);
    },
    log: (message) => logs.push(message),
  });
  const invoke = (method: string, input: unknown, event: InvokeEventLike = { senderFrame: { url: 'app://tryout/', parent: null } }): Promise<IpcReply> => {
    const listener = handlers.get(`tryout:${method}`);
    if (!listener) throw new Error(`no handler for ${method}`);
    return listener(event, input);
  };
  return { handlers, calls, logs, invoke };
}

describe('IPC handlers', () => {
  it('registers exactly one channel per API method', () => {
    const { handlers } = setup();
    expect([...handlers.keys()]).toEqual(API_METHODS.map((m) => `tryout:${m}`));
  });

  it('dispatches service methods and wraps the result', async () => {
    const { invoke, calls } = setup();
    expect(await invoke('listSessions', {})).toEqual({ ok: true, result: { method: 'listSessions', input: {} } });
    expect(calls).toEqual(['listSessions']);
  });

  it('refuses untrusted senders before doing anything', async () => {
    const { invoke, calls } = setup();
    const frames: InvokeEventLike[] = [
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      { senderFrame: { url: 'about:blank', parent: null } },
      { senderFrame: { url: 'app://tryout/', parent: {} } },
      { senderFrame: null },
      {
        get senderFrame(): never {
          throw new Error('Render frame was disposed');
        },
      },
    ];
    for (const event of frames) {
      expect(await invoke('listSessions', {}, event)).toEqual({ ok: false, error: { code: 'unauthorized', message: expect.any(String) } });
    }
    expect(calls).toEqual([]);
  });

  it('returns TryoutErrors as values and hides other errors', async () => {
    const { invoke, logs } = setup(async (method) => {
      if (method === 'getSession') throw new TryoutError('not-found', 'There is no session "x".');
      throw new Error('disk on fire');
    });
    expect(await invoke('getSession', { sessionId: 'x' })).toEqual({ ok: false, error: { code: 'not-found', message: 'There is no session "x".' } });
    const hidden = await invoke('listScenarios', {});
    expect(hidden).toEqual({ ok: false, error: { code: 'internal', message: expect.not.stringContaining('disk on fire') } });
    expect(logs.join('\n')).toContain('disk on fire');
  });

  it('answers no method itself: every channel, settings included, goes to the one dispatch', async () => {
    const { invoke, calls } = setup();
    for (const method of API_METHODS) expect(await invoke(method, { probe: method })).toEqual({ ok: true, result: { method, input: { probe: method } } });
    expect(calls).toEqual(API_METHODS);
  });
});
