import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ShellProcess {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly child: ChildProcess;
  /** Lines the shell printed (recovered sessions, errors). */
  readonly output: string[];
  stop(): Promise<void>;
  /** kill -9: the back end dies without any chance to clean up. */
  kill9(): Promise<void>;
}

export interface ShellOptions {
  readonly dataDir: string;
  readonly scenariosDir?: string;
  readonly rendererDir?: string;
  readonly port?: number;
  readonly token?: string;
  /** The back end's environment (e.g. a PATH without a recogniser); this process's by default. */
  readonly env?: NodeJS.ProcessEnv;
}

const READY = /^Tryout browser shell ready: (\S+)$/;

/** Starts the browser shell as its own process (as `npm start` does without Electron). */
export function startShellProcess(opts: ShellOptions): Promise<ShellProcess> {
  const args = ['--import', 'tsx', 'electron/browser-shell/cli.ts', '--data-dir', opts.dataDir];
  if (opts.scenariosDir) args.push('--scenarios-dir', opts.scenariosDir);
  if (opts.rendererDir) args.push('--renderer-dir', opts.rendererDir);
  if (opts.port !== undefined) args.push('--port', String(opts.port));
  if (opts.token) args.push('--token', opts.token);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], ...(opts.env ? { env: opts.env } : {}) });
  const output: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  createInterface({ input: child.stderr }).on('line', (l) => output.push(l));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser shell did not start in 60 s:\n${output.join('\n')}`)), 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser shell exited (${code}) before it was ready:\n${output.join('\n')}`));
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      output.push(line);
      const m = READY.exec(line.trim());
      if (!m?.[1]) return;
      clearTimeout(timer);
      const url = new URL(m[1]);
      resolve({
        url: m[1],
        origin: url.origin,
        token: url.searchParams.get('token') ?? '',
        child,
        output,
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
        async kill9() {
          child.kill('SIGKILL');
          await exited;
        },
      });
    });
  });
}

/** Calls the API the way a script would: bearer token, JSON in and out. */
export async function callApi<T>(shell: { origin: string; token: string }, method: string, input: unknown): Promise<T> {
  const res = await fetch(`${shell.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${shell.token}` },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; result?: T; error?: { code: string; message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.code}: ${body.error?.message}`);
  return body.result as T;
}
