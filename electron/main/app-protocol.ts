import { htmlSecurityHeaders } from './policies/csp.js';
import { resolveAppRequest, type AppRequestContext } from './policies/protocol-paths.js';

/**
 * The app:// protocol handler, with the file fetcher injected (main.ts passes Electron's
 * net.fetch on a file: URL, which answers Range requests so audio can seek). No electron
 * import here, so it runs under plain Node in the tests.
 */

export type FetchFile = (path: string, init: { method: string; headers: Record<string, string> }) => Promise<Response>;

export interface AppProtocolDeps extends AppRequestContext {
  readonly fetchFile: FetchFile;
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
}

export function createAppProtocolHandler(deps: AppProtocolDeps): (request: Request) => Promise<Response> {
  return async (request) => {
    const target = resolveAppRequest(request.url, request.method, deps);
    if (target.kind === 'refused') return plain(target.status, target.reason);

    const range = request.headers.get('range');
    let response: Response;
    try {
      response = await deps.fetchFile(target.path, { method: request.method, headers: range ? { Range: range } : {} });
    } catch {
      return plain(404, 'not found');
    }
    if (target.kind !== 'renderer-file' || !target.isHtml) return response;

    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(htmlSecurityHeaders())) headers.set(name, value);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}
