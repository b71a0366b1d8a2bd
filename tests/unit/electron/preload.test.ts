import { runInNewContext } from 'node:vm';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS } from '../../../core/api.js';

/**
 * Bundles the preload exactly as scripts/build-electron.mjs does (one CommonJS file, electron
 * external) and runs it in a fresh VM context with a fake `electron`, recording what it exposes
 * and which channels it invokes. Also checks the bundle requires nothing but 'electron' and
 * stays small (no zod), since a sandboxed preload cannot load other modules.
 */

const ROOT = resolve(import.meta.dirname, '../../..');
let code = '';
let bundledInputs: string[] = [];

interface Run {
  readonly exposed: Map<string, Record<string, unknown>>;
  readonly required: string[];
  readonly invoked: { channel: string; args: unknown[] }[];
}

function runPreload(reply: (channel: string, input: unknown) => unknown): Run {
  const exposed = new Map<string, Record<string, unknown>>();
  const required: string[] = [];
  const invoked: { channel: string; args: unknown[] }[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api) },
    ipcRenderer: {
      invoke: async (channel: string, ...args: unknown[]) => {
        invoked.push({ channel, args });
        return reply(channel, args[0]);
      },
    },
  };
  const module = { exports: {} };
  const require = (name: string) => {
    required.push(name);
    if (name !== 'electron') throw new Error(`preload required ${name}`);
    return electron;
  };
  runInNewContext(code, { require, module, exports: module.exports });
  return { exposed, required, invoked };
}

beforeAll(async () => {
  const result = await build({
    entryPoints: [resolve(ROOT, 'electron/preload/preload.ts')],
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    external: ['electron'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  code = result.outputFiles[0]?.text ?? '';
  bundledInputs = Object.keys(result.metafile.inputs);
});

describe('preload bundle', () => {
  it('bundles only its own small sources and requires only electron', () => {
    expect(bundledInputs.filter((p) => p.includes('node_modules'))).toEqual([]);
    expect(code.length).toBeLessThan(8_000);
    expect(runPreload(() => ({ ok: true, result: null })).required).toEqual(['electron']);
  });

  it('exposes window.tryout with exactly one function per API method and nothing else', () => {
    const { exposed } = runPreload(() => ({ ok: true, result: null }));
    expect([...exposed.keys()]).toEqual(['tryout']);
    const api = exposed.get('tryout') ?? {};
    expect(Object.keys(api).sort()).toEqual([...API_METHODS].sort());
    for (const method of API_METHODS) expect(typeof api[method], method).toBe('function');
  });

  it('invokes tryout:<method> with the input and unwraps the reply', async () => {
    const run = runPreload((channel, input) => ({ ok: true, result: { channel, input } }));
    const api = run.exposed.get('tryout') as Record<string, (input: unknown) => Promise<unknown>>;
    for (const method of API_METHODS) {
      await expect(api[method]?.({ probe: method })).resolves.toEqual({ channel: `tryout:${method}`, input: { probe: method } });
    }
    expect(run.invoked.map((i) => i.channel)).toEqual(API_METHODS.map((m) => `tryout:${m}`));
    expect(run.invoked.every((i) => i.args.length === 1)).toBe(true);
  });

  it('rejects with the code and message of an error reply', async () => {
    const run = runPreload(() => ({ ok: false, error: { code: 'not-found', message: 'There is no session "x".' } }));
    const api = run.exposed.get('tryout') as Record<string, (input: unknown) => Promise<unknown>>;
    await expect(api['getSession']?.({ sessionId: 'x' })).rejects.toEqual({ name: 'TryoutError', code: 'not-found', message: 'There is no session "x".' });
  });
});
