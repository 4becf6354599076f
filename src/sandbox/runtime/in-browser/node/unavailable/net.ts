/** node:net: a page cannot open raw TCP connections. */
import { unavailable } from "./unavailable.ts";

const instead = "a web page cannot open raw TCP connections; run the example with Node for that.";
export const createServer = unavailable("net.createServer()", instead);
export const createConnection = unavailable("net.createConnection()", instead);
export const connect = unavailable("net.connect()", instead);
export const Socket = unavailable("net.Socket", instead);
export const Server = unavailable("net.Server", instead);
export const isIP = (input: string): number =>
  /^\d{1,3}(\.\d{1,3}){3}$/.test(input) ? 4 : input.includes(":") ? 6 : 0;
export const isIPv4 = (input: string): boolean => isIP(input) === 4;
export const isIPv6 = (input: string): boolean => isIP(input) === 6;
export default { createServer, createConnection, connect, Socket, Server, isIP, isIPv4, isIPv6 };
