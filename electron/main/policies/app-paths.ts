import { join, resolve } from 'node:path';

/** Where the Electron main process finds its pieces, in development and when packaged. */

export interface AppPathsInput {
  readonly isPackaged: boolean;
  /** process.resourcesPath (packaged builds keep scenarios there via extraResources). */
  readonly resourcesPath: string;
  /** app.getAppPath(): the project folder in development. */
  readonly appPath: string;
  /** The folder of the bundled main.js (dist/electron). */
  readonly mainDir: string;
}

export interface AppPaths {
  readonly preload: string;
  readonly rendererDir: string;
  readonly scenariosDir: string;
}

export function appPaths(input: AppPathsInput): AppPaths {
  return {
    preload: resolve(input.mainDir, 'preload.cjs'),
    rendererDir: resolve(input.mainDir, '..', 'renderer'),
    scenariosDir: input.isPackaged ? join(input.resourcesPath, 'scenarios') : resolve(input.appPath, 'scenarios'),
  };
}
