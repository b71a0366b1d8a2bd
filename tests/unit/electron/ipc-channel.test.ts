import { describe, expect, it } from 'vitest';
import { API_METHODS } from '../../../core/api.js';
import { invokeFailure, ipcChannel, unwrapIpcReply } from '../../../electron/main/policies/ipc-channel.js';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
}

describe('IPC wire format', () => {
  it('derives one distinct channel per method', () => {
    const channels = API_METHODS.map(ipcChannel);
    expect(new Set(channels).size).toBe(API_METHODS.length);
    expect(ipcChannel('getSession')).toBe('tryout:getSession');
  });

  it('unwraps results, including falsy ones', () => {
    expect(unwrapIpcReply({ ok: true, result: { a: 1 } })).toEqual({ a: 1 });
    expect(unwrapIpcReply({ ok: true, result: [] })).toEqual([]);
    expect(unwrapIpcReply({ ok: true, result: 0 })).toBe(0);
  });

  it('rejects with a plain { name, code, message } object that survives the context bridge', () => {
    const error = thrown(() => unwrapIpcReply({ ok: false, error: { code: 'not-found', message: 'No such session.' } }));
    expect(error).toEqual({ name: 'TryoutError', code: 'not-found', message: 'No such session.' });
    expect(Object.getPrototypeOf(error)).toBe(Object.prototype);
  });

  it('treats malformed replies as internal errors', () => {
    for (const reply of [undefined, null, 'ok', { ok: 'yes' }, { ok: false }, { ok: false, error: { code: 1, message: 'x' } }]) {
      expect(thrown(() => unwrapIpcReply(reply))).toMatchObject({ code: 'internal' });
    }
    expect(invokeFailure(new Error('No handler registered'))).toMatchObject({ code: 'internal', message: expect.stringContaining('No handler registered') });
  });
});
