/**
 * A fake of the documented WebContainer API surface the adapter uses: an in-memory file system,
 * mount of trees and snapshots, spawned processes with a terminal output stream and an exit
 * code, and `server-ready` events. What each `node`/`npm` invocation does is scripted per test.
 */
import type { ContainerHost, ContainerProcess, ContainerSpawnOptions, FileSystemTree } from "../webcontainer-host.ts";

export interface SpawnCall {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string | undefined;
  readonly env: Readonly<Record<string, string>>;
}

/** What a scripted process does: print, then exit with a code, or keep running (until killed). */
export interface FakeBehaviour {
  readonly output?: readonly string[];
  /** Exit code; omitted means the process runs until kill(). */
  readonly exitCode?: number;
  /** Emit `server-ready` for this port after the output. */
  readonly listenOn?: number;
}

export type Script = (call: SpawnCall, container: FakeWebContainer) => FakeBehaviour;

/** Which TypeScript support the fake container's Node has. */
export type FakeNode = { readonly version: string; readonly stripsTypes: "natively" | "with-flag" | "no" };

export class FakeWebContainer implements ContainerHost {
  readonly workdir = "/home/field-guide";
  readonly files = new Map<string, string | Uint8Array>();
  readonly mounts: Array<{ mountPoint: string | undefined; kind: "tree" | "snapshot" }> = [];
  readonly calls: SpawnCall[] = [];
  readonly killed: SpawnCall[] = [];
  tornDown = false;
  private readonly serverReadyListeners = new Set<(port: number, url: string) => void>();
  private readonly node: FakeNode;
  private readonly script: Script;

  constructor(node: FakeNode, script: Script) {
    this.node = node;
    this.script = script;
  }

  readonly fs = {
    writeFile: async (path: string, data: string | Uint8Array) => {
      this.files.set(path, data);
    },
    mkdir: async (path: string) => path,
    rm: async (path: string) => {
      for (const key of [...this.files.keys()]) if (key === path || key.startsWith(`${path}/`)) this.files.delete(key);
    },
  };

  async mount(
    snapshotOrTree: FileSystemTree | Uint8Array | ArrayBuffer,
    options?: { mountPoint?: string },
  ): Promise<void> {
    const isSnapshot = snapshotOrTree instanceof Uint8Array || snapshotOrTree instanceof ArrayBuffer;
    this.mounts.push({ mountPoint: options?.mountPoint, kind: isSnapshot ? "snapshot" : "tree" });
    if (isSnapshot) return;
    const walk = (tree: FileSystemTree, prefix: string) => {
      for (const [name, node] of Object.entries(tree)) {
        const path = prefix ? `${prefix}/${name}` : name;
        if ("directory" in node) walk(node.directory, path);
        else if ("contents" in node.file) this.files.set(path, node.file.contents);
      }
    };
    walk(snapshotOrTree, options?.mountPoint ?? "");
  }

  on(event: "server-ready" | "error", listener: (...args: never[]) => void): () => void {
    if (event !== "server-ready") return () => undefined;
    const typed = listener as (port: number, url: string) => void;
    this.serverReadyListeners.add(typed);
    return () => this.serverReadyListeners.delete(typed);
  }

  teardown(): void {
    this.tornDown = true;
  }

  text(path: string): string | undefined {
    const value = this.files.get(path);
    return typeof value === "string" ? value : undefined;
  }

  async spawn(command: string, args: string[], options: ContainerSpawnOptions = {}): Promise<ContainerProcess> {
    const call: SpawnCall = { command, args, cwd: options.cwd, env: options.env ?? {} };
    this.calls.push(call);
    const behaviour = this.builtIn(call) ?? this.script(call, this);
    let controller!: ReadableStreamDefaultController<string>;
    const output = new ReadableStream<string>({ start: (c) => void (controller = c) });
    let settle!: (code: number) => void;
    const exit = new Promise<number>((resolve) => (settle = resolve));
    let done = false;
    const end = (code: number) => {
      if (done) return;
      done = true;
      controller.close();
      settle(code);
    };
    queueMicrotask(() => {
      for (const line of behaviour.output ?? []) if (!done) controller.enqueue(line);
      if (behaviour.listenOn !== undefined && !done) {
        for (const listener of this.serverReadyListeners)
          listener(behaviour.listenOn, `https://preview-${behaviour.listenOn}.example`);
      }
      if (behaviour.exitCode !== undefined) end(behaviour.exitCode);
    });
    return {
      exit,
      output,
      kill: () => {
        this.killed.push(call);
        end(143);
      },
    };
  }

  // The container's own Node: its version and whether the type-stripping probe runs.
  private builtIn(call: SpawnCall): FakeBehaviour | undefined {
    if (call.command !== "node") return undefined;
    if (call.args[0] === "--version") return { output: [`${this.node.version}\r\n`], exitCode: 0 };
    const probe = call.args.at(-1)?.endsWith("probe.ts");
    if (!probe) return undefined;
    const flagged = call.args.includes("--experimental-strip-types");
    const works = this.node.stripsTypes === "natively" || (flagged && this.node.stripsTypes === "with-flag");
    return works
      ? { output: ["strip-types-ok 42\r\n"], exitCode: 0 }
      : { output: ['TypeError [ERR_UNKNOWN_FILE_EXTENSION]: Unknown file extension ".ts"\r\n'], exitCode: 1 };
  }
}

/** The output a `node -e <request script>` prints for a given response. */
export function fakeRequestOutput(response: unknown): string {
  return `@@response ${Buffer.from(JSON.stringify(response)).toString("base64")} @@\r\n`;
}
