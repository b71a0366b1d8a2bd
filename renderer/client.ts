import { createClient } from './api/client.js';

/** The one back-end client of this window (IPC in Electron, HTTP in the browser shell). */
export const client = createClient();
