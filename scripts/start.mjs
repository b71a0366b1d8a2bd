// @ts-check
// `npm start` (after the build): runs the Electron app when an Electron runtime can be had,
// otherwise the browser shell. Arguments after `--` go to the browser shell
// (e.g. `npm start -- --port 8080`). TRYOUT_BROWSER_SHELL=1 skips the Electron attempt.
//
// The Electron lookup runs `require('electron')` in a child process: that module downloads the
// binary on first use and throws when it cannot, so it must not run in this process, and its
// downloader's output is captured rather than shown.
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const LOOKUP_TIMEOUT_MS = Number(process.env['TRYOUT_ELECTRON_LOOKUP_TIMEOUT_MS']) || 120_000;
const SHELL_ENTRY = 'electron/browser-shell/cli.ts';
const MAX_CAPTURE = 64 * 1024;

/** @param {string} text */
function lastLine(text) {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return lines.at(-1) ?? '';
}

/** @param {string} text */
function short(text) {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/**
 * A short reason from a failed lookup: the root cause of a failed download ("fetch failed"),
 * else the message of the error that ended it, else its exit code.
 * @param {string} stdout @param {string} stderr @param {number | null} code
 */
function lookupFailureReason(stdout, stderr, code) {
  const messages = [...stderr.matchAll(/^\s*[A-Za-z]*Error: (.+)$/gm)].map((m) => (m[1] ?? '').trim()).filter(Boolean);
  if (/Downloading Electron binary/.test(stdout + stderr)) return `binary download failed: ${messages[0] ?? `exit code ${code}`}`;
  return messages.at(-1) ?? (lastLine(stderr) || `lookup exited with code ${code}`);
}

/** @param {string} path */
function isExecutable(path) {
  try {
    if (!statSync(path).isFile()) return false;
    if (process.platform !== 'win32') accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** @returns {Promise<{ ok: true, path: string } | { ok: false, reason: string }>} */
function findElectron() {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['-e', "process.stdout.write(String(require('electron')))"], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Own process group, so a timeout also stops the downloader it spawns.
      detached: process.platform !== 'win32',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      if (stdout.length < MAX_CAPTURE) stdout += String(chunk);
    });
    child.stderr.on('data', (chunk) => {
      if (stderr.length < MAX_CAPTURE) stderr += String(chunk);
    });
    const stop = () => {
      try {
        if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
    };
    // Interrupted while looking: stop the lookup (and its downloader) too, then leave.
    /** @param {NodeJS.Signals} signal */
    const interrupted = (signal) => {
      stop();
      process.exit(128 + (osConstants.signals[signal] ?? 0));
    };
    process.once('SIGINT', interrupted);
    process.once('SIGTERM', interrupted);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, LOOKUP_TIMEOUT_MS);
    const finished = () => {
      clearTimeout(timer);
      process.off('SIGINT', interrupted);
      process.off('SIGTERM', interrupted);
    };
    child.on('error', (error) => {
      finished();
      done({ ok: false, reason: short(`could not run the lookup: ${error.message}`) });
    });
    child.on('close', (code) => {
      finished();
      if (timedOut) return done({ ok: false, reason: `lookup timed out after ${Math.round(LOOKUP_TIMEOUT_MS / 1000)} s` });
      if (code !== 0) return done({ ok: false, reason: short(lookupFailureReason(stdout, stderr, code)) });
      // The path is the last line: a download prints progress to stdout before it.
      const path = lastLine(stdout);
      if (!path || !isExecutable(path)) return done({ ok: false, reason: short(`no executable at ${path || '(empty path)'}`) });
      done({ ok: true, path });
    });
  });
}

/**
 * Runs a child with inherited stdio, forwards SIGINT/SIGTERM to it, and exits with its code.
 * @param {string} command
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 */
function runForwarding(command, args, env) {
  const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env });
  /** @param {NodeJS.Signals} signal */
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('error', (error) => {
    console.error(`tryout start: could not run ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (code !== null) process.exit(code);
    const number = signal ? osConstants.signals[signal] : undefined;
    process.exit(number ? 128 + number : 1);
  });
}

async function main() {
  const passThrough = process.argv.slice(2);
  let reason = 'skipped: TRYOUT_BROWSER_SHELL=1';
  if (process.env['TRYOUT_BROWSER_SHELL'] !== '1') {
    const found = await findElectron();
    if (found.ok) {
      const env = { ...process.env };
      // Set, it would make Electron behave as plain Node and ignore the app.
      delete env['ELECTRON_RUN_AS_NODE'];
      runForwarding(found.path, [ROOT], env);
      return;
    }
    reason = found.reason;
  }
  console.log(`Electron runtime not available here (${reason}); starting the browser shell instead.`);
  runForwarding(process.execPath, ['--import', 'tsx', SHELL_ENTRY, ...passThrough], process.env);
}

await main();
