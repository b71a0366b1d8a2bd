import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** Command-line options of the browser shell, with platform-appropriate defaults. */

export interface CliOptions {
  readonly dataDir: string;
  readonly scenariosDir: string;
  readonly rendererDir: string;
  readonly port: number | undefined;
  readonly token: string | undefined;
}

export const USAGE =
  'usage: tsx electron/browser-shell/cli.ts [--data-dir D] [--scenarios-dir S] [--renderer-dir R] [--port P] [--token T]';

/** $TRYOUT_DATA_DIR, else the per-user application data folder of this platform. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env['TRYOUT_DATA_DIR']) return resolve(env['TRYOUT_DATA_DIR']);
  const home = homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Tryout');
  if (platform === 'win32') return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), 'Tryout');
  return join(env['XDG_DATA_HOME'] ?? join(home, '.local', 'share'), 'tryout');
}

/** Parses argv (without node and the script); throws an Error with a one-line message. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      'data-dir': { type: 'string' },
      'scenarios-dir': { type: 'string' },
      'renderer-dir': { type: 'string' },
      port: { type: 'string' },
      token: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  let port: number | undefined;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be a number from 0 to 65535, not "${values.port}"`);
  }
  return {
    dataDir: resolve(values['data-dir'] ?? defaultDataDir()),
    scenariosDir: resolve(values['scenarios-dir'] ?? 'scenarios'),
    rendererDir: resolve(values['renderer-dir'] ?? join('dist', 'renderer')),
    port,
    token: values.token,
  };
}
