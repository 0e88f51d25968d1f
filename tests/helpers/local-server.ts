import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listen on a free loopback port; the server's base URL. */
export async function listenLocal(server: Server): Promise<string> {
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** End the responses left hanging on purpose, drop every connection and close the server. */
export async function closeLocal(server: Server, hanging: Iterable<ServerResponse>): Promise<void> {
  for (const r of hanging) r.destroy();
  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
}
