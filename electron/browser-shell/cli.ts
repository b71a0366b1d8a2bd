import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseCliArgs, USAGE, type CliOptions } from './cli-options.js';
import { startBrowserShell } from './server.js';

/**
 * `tsx electron/browser-shell/cli.ts [--data-dir D] [--scenarios-dir S] [--renderer-dir R]
 * [--port P] [--token T]`. Prints one `recovered session <id>` line per repaired session, then
 * exactly one `Tryout browser shell ready: <url>` line once listening. Stops on SIGINT/SIGTERM.
 */

function fail(message: string): never {
  console.error(`tryout shell: ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  let opts: CliOptions;
  try {
    opts = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  if (!existsSync(join(opts.rendererDir, 'index.html'))) {
    fail(`no renderer in ${opts.rendererDir} (index.html is missing): run npm run build first`);
  }
  const shell = await startBrowserShell(opts).catch((error: unknown) => fail((error as Error).message));
  for (const id of shell.recovered) console.log(`recovered session ${id}`);
  console.log(`Tryout browser shell ready: ${shell.url}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    shell.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`tryout shell: error while stopping on ${signal}: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
