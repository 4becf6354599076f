/**
 * A readiness check that opens a TCP connection to a server's URL and closes it again. It proves the
 * server accepts connections, which is what readiness needs to know, without a driver or credentials.
 * (A check through the real client, `SELECT 1` on the pool, proves more; the other examples show those adapters.)
 */
import { connect } from "node:net";
import type { DependencyCheck } from "../application/ports/dependency-check.port.ts";

const DEFAULT_PORTS: Readonly<Record<string, number>> = {
  "postgres:": 5432,
  "postgresql:": 5432,
  "redis:": 6379,
  "rediss:": 6380,
  "amqp:": 5672,
  "amqps:": 5671,
};

export class TcpDependencyCheck implements DependencyCheck {
  readonly name: string;
  readonly required: boolean;
  private readonly host: string;
  private readonly port: number;

  constructor(name: string, url: string, required: boolean) {
    const parsed = new URL(url);
    this.name = name;
    this.required = required;
    this.host = parsed.hostname.replace(/^\[|\]$/g, "");
    this.port = parsed.port === "" ? (DEFAULT_PORTS[parsed.protocol] ?? 0) : Number(parsed.port);
  }

  check(signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: this.host, port: this.port, signal });
      socket.once("connect", () => {
        socket.end();
        resolve();
      });
      // The message names host and port only: the URL may carry a password.
      socket.once("error", (error: NodeJS.ErrnoException) =>
        reject(new Error(`${this.host}:${this.port} refused or unreachable (${error.code ?? error.message})`)),
      );
    });
  }
}
