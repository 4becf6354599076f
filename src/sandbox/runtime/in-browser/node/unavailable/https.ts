/** node:https: no sockets in a page. Servers start with serve() from @hono/node-server; clients use fetch(). */
import { unavailable } from "./unavailable.ts";

const instead =
  "start servers with serve() from @hono/node-server and call them with fetch(), or run the example with Node.";
export const createServer = unavailable("https.createServer()", instead);
export const request = unavailable("https.request()", instead);
export const get = unavailable("https.get()", instead);
export const Agent = unavailable("https.Agent", instead);
export const Server = unavailable("https.Server", instead);
export const METHODS = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"];
export const STATUS_CODES: Record<number, string> = {};
export default { createServer, request, get, Agent, Server, METHODS, STATUS_CODES };
