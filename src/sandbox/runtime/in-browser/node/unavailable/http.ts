/** node:http: no sockets in a page. Servers start with serve() from @hono/node-server; clients use fetch(). */
import { unavailable } from "./unavailable.ts";

const instead =
  "start servers with serve() from @hono/node-server and call them with fetch(), or run the example with Node.";
export const createServer = unavailable("http.createServer()", instead);
export const request = unavailable("http.request()", instead);
export const get = unavailable("http.get()", instead);
export const Agent = unavailable("http.Agent", instead);
export const Server = unavailable("http.Server", instead);
export const METHODS = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"];
export const STATUS_CODES: Record<number, string> = {};
export default { createServer, request, get, Agent, Server, METHODS, STATUS_CODES };
