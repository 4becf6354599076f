/**
 * The token file: where tools (the e2e tests, the benchmarks, `npm run link`) read the runner's
 * secret the way a reader reads the printed link. One file per port in `.field-guide/`, in a folder
 * only the user can enter (0700) and readable only by the user (0600); removed on shutdown.
 */
import { constants } from "node:fs";
import { chmod, mkdir, open, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { processAlive } from "./process-liveness.ts";

/** The project's folder for per-start state (token files, the start log); git-ignored. */
export const STATE_DIR = ".field-guide";

/** What a token file holds. */
export interface RunnerLinkRecord {
  readonly port: number;
  /** The guide server's process; a record whose process is gone is stale. */
  readonly pid: number;
  readonly token: string;
  /** The link to open: http://localhost:<port>/?token=… */
  readonly link: string;
}

export function stateDir(projectRoot: string): string {
  return join(projectRoot, STATE_DIR);
}

export function linkFilePath(projectRoot: string, port: number): string {
  return join(stateDir(projectRoot), `runner-${port}.json`);
}

/** Writes the token file with mode 0600 (never through a link) and returns its path. */
export async function writeLinkFile(projectRoot: string, record: RunnerLinkRecord): Promise<string> {
  const dir = stateDir(projectRoot);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  const path = linkFilePath(projectRoot, record.port);
  await rm(path, { force: true });
  const handle = await open(
    path,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
    0o600,
  );
  try {
    await handle.writeFile(`${JSON.stringify(record, null, 2)}\n`, "utf8");
  } finally {
    await handle.close();
  }
  return path;
}

/** Removes this port's token file if it is still this process's own. */
export async function removeLinkFile(projectRoot: string, port: number, pid = process.pid): Promise<void> {
  const path = linkFilePath(projectRoot, port);
  const record = await readRecord(path);
  if (record?.pid === pid) await rm(path, { force: true });
}

async function readRecord(path: string): Promise<RunnerLinkRecord | undefined> {
  try {
    const value = JSON.parse(await readFile(path, "utf8")) as Partial<RunnerLinkRecord>;
    if (typeof value.port !== "number" || typeof value.pid !== "number") return undefined;
    if (typeof value.token !== "string" || typeof value.link !== "string") return undefined;
    return value as RunnerLinkRecord;
  } catch {
    return undefined;
  }
}

/** The token file of the guide on `port`, if that guide is still running. */
export async function readLinkFile(projectRoot: string, port: number): Promise<RunnerLinkRecord | undefined> {
  const record = await readRecord(linkFilePath(projectRoot, port));
  return record && processAlive(record.pid) ? record : undefined;
}

/** Every guide started from this folder that is still running, by port. */
export async function readLiveLinkFiles(projectRoot: string): Promise<RunnerLinkRecord[]> {
  const names = await readdir(stateDir(projectRoot)).catch(() => [] as string[]);
  const records: RunnerLinkRecord[] = [];
  for (const name of names) {
    if (!/^runner-\d+\.json$/.test(name)) continue;
    const record = await readRecord(join(stateDir(projectRoot), name));
    if (record && processAlive(record.pid)) records.push(record);
  }
  return records.sort((a, b) => a.port - b.port);
}
