import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Store } from './store';
export async function handleInvitePage(_s: Store, req: IncomingMessage, res: ServerResponse, _u: URL): Promise<void> {
  req.resume();
  res.writeHead(404).end();
}
