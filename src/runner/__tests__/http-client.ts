/** Test support: raw HTTP requests with full control over Host, Origin and Authorization, and SSE run streams. */
import { request as httpRequest, type IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import { readServerSentEvents, type ServerSentEvent } from "../../sandbox/runtime/sse-reader.ts";

export interface RawRequest {
  readonly method?: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingMessage["headers"];
  readonly text: string;
  json<T = Record<string, unknown>>(): T;
}

function open(port: number, raw: RawRequest): Promise<IncomingMessage> & { abort: () => void } {
  const request = httpRequest({
    host: "127.0.0.1",
    port,
    method: raw.method ?? "GET",
    path: raw.path,
    headers: { host: `127.0.0.1:${port}`, ...raw.headers },
  });
  const response = new Promise<IncomingMessage>((resolve, reject) => {
    request.once("response", resolve);
    request.once("error", reject);
  });
  request.end(raw.body);
  return Object.assign(response, { abort: () => request.destroy() });
}

/** Sends one request and reads the whole answer. */
export async function send(port: number, raw: RawRequest): Promise<RawResponse> {
  const response = await open(port, raw);
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return { status: response.statusCode ?? 0, headers: response.headers, text, json: <T>() => JSON.parse(text) as T };
}

export interface OpenedRun {
  readonly status: number;
  readonly response: IncomingMessage;
  readonly events: AsyncGenerator<ServerSentEvent>;
  /** Drops the connection mid-run, as a closed tab would. */
  disconnect(): void;
}

/** POSTs a run and hands back its event stream without reading it. */
export async function openRun(port: number, token: string, body: unknown): Promise<OpenedRun> {
  const pending = open(port, {
    method: "POST",
    path: "/__runner/runs",
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      origin: `http://127.0.0.1:${port}`,
    },
    body: JSON.stringify(body),
  });
  const response = await pending;
  const events = readServerSentEvents(Readable.toWeb(response) as ReadableStream<Uint8Array>);
  return { status: response.statusCode ?? 0, response, events, disconnect: pending.abort };
}

/** Reads a run stream to its end: output text per stream, the listening event, the exit. */
export async function collectRun(events: AsyncGenerator<ServerSentEvent>, onEvent?: (event: ServerSentEvent) => void) {
  let stdout = "";
  let stderr = "";
  let exit: { code: number | null; signal: string | null; reason: string; message?: string } | undefined;
  let listening: { port: number; url: string } | undefined;
  for await (const event of events) {
    onEvent?.(event);
    if (event.event === "stdout") stdout += JSON.parse(event.data) as string;
    if (event.event === "stderr") stderr += JSON.parse(event.data) as string;
    if (event.event === "listening") listening = JSON.parse(event.data);
    if (event.event === "exit") exit = JSON.parse(event.data);
  }
  return { stdout, stderr, exit, listening };
}
