/**
 * Reading the deployment files the tests check: the Dockerfile, compose.yaml and the Kubernetes
 * manifests, by path from the example's folder (node:fs, which the in-browser runtime provides too).
 */
import { existsSync, readFileSync } from "node:fs";
import type { Hono } from "hono";
import { parse } from "yaml";

const exampleDir = new URL("../../", import.meta.url);

/** A file's text, by path from the example's folder. */
export function readExampleFile(path: string): string {
  return readFileSync(new URL(path, exampleDir), "utf8");
}

/** True when the example has this file (a CMD or a Job's command must name one that exists). */
export function exampleFileExists(path: string): boolean {
  return existsSync(new URL(path, exampleDir));
}

/** A YAML file parsed; manifests are plain data, so `any`-free access goes through small type guards. */
export function readYaml(path: string): Record<string, unknown> {
  return parse(readExampleFile(path)) as Record<string, unknown>;
}

/** One Dockerfile instruction: `RUN npm install …` → { keyword: "RUN", args: "npm install …" }. */
export type Instruction = { readonly keyword: string; readonly args: string };

/** The Dockerfile's instructions, with `\` continuation lines joined and comments dropped. */
export function dockerfileInstructions(text: string): Instruction[] {
  const logical = text
    .replace(/\\\r?\n/g, " ")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
  return logical.map((line) => {
    const [keyword = "", ...rest] = line.split(/\s+/);
    return { keyword: keyword.toUpperCase(), args: rest.join(" ") };
  });
}

/**
 * A GET as Node's server hands it to the app: the Host header as a client sent it, and the port it
 * arrived on (the Host allow-list reads both). How a probe or a health check reaches the service.
 */
export function getAsSentTo(app: Hono, path: string, host: string, port = 3000): Promise<Response> {
  const request = new Request(`http://127.0.0.1:${port}${path}`);
  return Promise.resolve(app.fetch(request, { incoming: { headers: { host }, socket: { localPort: port } } }));
}
