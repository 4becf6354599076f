import { buildService, type Outages } from "../../src/main.ts";
import { captureLogs } from "../fakes/log-capture.ts";

/**
 * The app exactly as `npm start` wires it (real pino, tracer, metrics), called in process through
 * app.request(), with its log lines captured.
 */
export async function buildTestApp(options: { outages?: Outages; production?: boolean } = {}) {
  const logs = captureLogs();
  const service = await buildService({ logDestination: logs.destination, ...options });
  return { ...service, logs };
}

/** A POST with a JSON body and optional extra headers. */
export function postJson(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(body) };
}
