/**
 * @hono/node-server for the in-browser runtime: serve() registers the app's fetch handler on the
 * virtual loopback (process/loopback.ts) instead of a TCP socket, and returns a Server-like
 * object with address(), close(callback), "listening"/"error"/"close" events.
 */
import { VirtualServer } from "../process/loopback.ts";

interface AddressInfo {
  address: string;
  family: string;
  port: number;
}

interface ServeOptions {
  fetch: (request: Request, env?: unknown) => Response | Promise<Response>;
  port?: number;
  hostname?: string;
  overrideGlobalObjects?: boolean;
}

export function serve(options: ServeOptions, listeningListener?: (info: AddressInfo) => void): VirtualServer {
  const server = new VirtualServer((request) => options.fetch(request, {}));
  server.once("listening", () => listeningListener?.(server.address()!));
  server.listen(options.port ?? 3000, options.hostname);
  return server;
}

const unavailable = (api: string) => (): never => {
  throw new Error(`${api} from @hono/node-server is not available in the in-browser runtime: use serve().`);
};
export const createAdaptorServer = unavailable("createAdaptorServer()");
export const getRequestListener = unavailable("getRequestListener()");
export class RequestError extends Error {}
