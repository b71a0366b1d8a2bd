import type { SessionManifest } from '../../../core/session/manifest.js';
import { useStore } from '../../store/index.js';

/**
 * Which version of the scenario the candidate had (its file's revision, from the manifest), and
 * whether the scenario has been edited since, so a coach comparing candidates knows they heard
 * the same call. Sessions made before revisions were recorded say nothing.
 */
export function ScenarioVersion({ manifest }: { readonly manifest: SessionManifest }) {
  const current = useStore((s) => s.catalog?.origins[manifest.scenarioId]?.revision ?? null);
  if (manifest.scenarioRevision === undefined) return null;
  const changed = current !== null && current !== manifest.scenarioRevision;
  return (
    <span data-testid="scenario-version" data-changed={changed ? 'true' : 'false'}>
      {' '}· scenario version {manifest.scenarioRevision}
      {changed && <strong className="status status-incomplete"> (the scenario has been edited since this call)</strong>}
      {current === null && ' (the scenario is no longer installed)'}
    </span>
  );
}
