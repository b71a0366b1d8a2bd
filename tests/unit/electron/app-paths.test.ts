import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPaths } from '../../../electron/main/policies/app-paths.js';

describe('appPaths', () => {
  const mainDir = resolve('/proj/dist/electron');
  it('uses ./scenarios of the project in development', () => {
    const paths = appPaths({ isPackaged: false, resourcesPath: '/ignored', appPath: resolve('/proj'), mainDir });
    expect(paths).toEqual({ preload: join(mainDir, 'preload.cjs'), rendererDir: resolve('/proj/dist/renderer'), scenariosDir: resolve('/proj/scenarios') });
  });

  it('uses resources/scenarios when packaged', () => {
    const paths = appPaths({ isPackaged: true, resourcesPath: resolve('/opt/Tryout/resources'), appPath: resolve('/opt/Tryout/resources/app.asar'), mainDir });
    expect(paths.scenariosDir).toBe(join(resolve('/opt/Tryout/resources'), 'scenarios'));
  });
});
