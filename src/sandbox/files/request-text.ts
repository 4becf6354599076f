import type { TryRequest } from "./try-this.ts";

/** A README request as it is written: request line, headers, then a blank line and the body if there is one. */
export function requestText(request: TryRequest): string {
  const head = [
    `${request.method} ${request.path}`,
    ...Object.entries(request.headers).map(([name, value]) => `${name}: ${value}`),
  ];
  return (request.body ? [...head, "", request.body] : head).join("\n");
}
