import { rmSync } from 'node:fs';
import { API_METHODS } from '../../core/api.js';
import { notAllowedMessage, roleMayCall, ROLES, type Role } from '../../core/api-policy.js';
import { TryoutError } from '../../core/errors.js';
import { SAMPLE_INPUTS, snapshot, startWorld } from '../unit/services/policy-world.js';

/**
 * Every method a role may not call, called as that role on a real trainer service in the state
 * of that role (policy-world.ts): refused when it fails with the policy's "not allowed" and the
 * data folder is byte for byte what it was.
 */
export async function probeRoles(): Promise<Map<Role, { tried: number; refused: number; leaks: string[] }>> {
  const out = new Map<Role, { tried: number; refused: number; leaks: string[] }>();
  for (const role of ROLES) {
    const world = await startWorld(role);
    const tally = { tried: 0, refused: 0, leaks: [] as string[] };
    out.set(role, tally);
    try {
      for (const method of API_METHODS.filter((m) => !roleMayCall(role, m))) {
        const before = snapshot(world.dataDir);
        tally.tried += 1;
        const error = await world.service.dispatchAs(role, method, SAMPLE_INPUTS[method](world)).then(() => null, (e: unknown) => e);
        const refused = error instanceof TryoutError && error.code === 'unauthorized' && error.message === notAllowedMessage(method, role);
        if (refused && JSON.stringify(snapshot(world.dataDir)) === JSON.stringify(before)) tally.refused += 1;
        else tally.leaks.push(method);
      }
    } finally {
      await world.service.close();
      rmSync(world.root, { recursive: true, force: true });
    }
  }
  return out;
}
