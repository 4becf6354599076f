/**
 * The part of `@webcontainer/api` the adapter uses, as a narrow interface: the real
 * WebContainer satisfies it, and unit tests pass a fake that follows the documented behaviour.
 */
import type { FileSystemTree } from "@webcontainer/api";

export type { FileSystemTree };

/** A process in the container: its exit code, and its terminal output (stdout and stderr interleaved). */
export interface ContainerProcess {
  readonly exit: Promise<number>;
  readonly output: ReadableStream<string>;
  kill(): void;
}

export interface ContainerSpawnOptions {
  /** Relative to the container's workdir. */
  readonly cwd?: string;
  readonly env?: Record<string, string>;
}

export interface ContainerHost {
  readonly workdir: string;
  readonly fs: {
    writeFile(path: string, data: string | Uint8Array): Promise<void>;
    mkdir(path: string, options: { recursive: true }): Promise<string>;
    rm(path: string, options?: { force?: boolean; recursive?: boolean }): Promise<void>;
  };
  /** Mounts a file tree or a binary snapshot (from `@webcontainer/snapshot`), optionally under a folder. */
  mount(snapshotOrTree: FileSystemTree | Uint8Array | ArrayBuffer, options?: { mountPoint?: string }): Promise<void>;
  spawn(command: string, args: string[], options?: ContainerSpawnOptions): Promise<ContainerProcess>;
  /** `server-ready`: a process listens on `port`, reachable by the page at `url`. */
  on(event: "server-ready", listener: (port: number, url: string) => void): () => void;
  /** `error`: the container hit an internal error. */
  on(event: "error", listener: (error: { message: string }) => void): () => void;
  teardown(): void;
}

/** Boots the one WebContainer a page may have; the API module is loaded only now, on the reader's first action. */
export async function bootWebContainer(): Promise<ContainerHost> {
  const { WebContainer } = await import("@webcontainer/api");
  // require-corp matches the guide's COEP header; the work dir name only shows in paths the reader sees.
  return WebContainer.boot({ coep: "require-corp", workdirName: "field-guide" });
}
