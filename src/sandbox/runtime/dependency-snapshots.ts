/**
 * The page side of the dependency snapshots: which packages an example needs, fetched only
 * when that example first runs in WebContainer, so no `npm install` reaches the network.
 * The build side (dependency-snapshot-builder.ts) writes the manifest and one binary
 * snapshot per package.
 */

/** manifest.json beside the snapshots. */
export interface DependencyManifest {
  /** Package name → snapshot file (relative to the manifest) and its size. */
  readonly packages: Readonly<Record<string, { readonly file: string; readonly bytes: number }>>;
  /** Example name → every package its code needs at run time (the whole production closure). */
  readonly examples: Readonly<Record<string, readonly string[]>>;
  /** Packages the container needs for every example whatever its own dependencies (the type-stripping hook). */
  readonly support: readonly string[];
}

/** One package to mount, at `node_modules/<name>` under the container's workdir. */
export interface DependencySnapshot {
  readonly name: string;
  readonly snapshot: Uint8Array;
}

/** Supplies the snapshots for an example; undefined when the site has none (then the adapter installs with npm). */
export interface DependencySource {
  snapshotsFor(example: string, except: ReadonlySet<string>): Promise<readonly DependencySnapshot[] | undefined>;
}

/** Fetches snapshots published under `baseUrl` (default `/_webcontainer/`). */
export function createFetchedDependencySource(
  options: { baseUrl?: string; fetch?: typeof fetch } = {},
): DependencySource {
  const baseUrl = options.baseUrl ?? "/_webcontainer/";
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  let manifest: Promise<DependencyManifest | undefined> | undefined;

  const loadManifest = () => {
    manifest ??= doFetch(`${baseUrl}manifest.json`).then(async (response) =>
      response.ok ? ((await response.json()) as DependencyManifest) : undefined,
    );
    return manifest;
  };

  return {
    async snapshotsFor(example, except) {
      const known = await loadManifest();
      const names = known?.examples[example];
      if (!known || !names) return undefined;
      const wanted = [...new Set([...known.support, ...names])].filter((name) => !except.has(name));
      return Promise.all(
        wanted.map(async (name) => {
          const entry = known.packages[name];
          if (!entry)
            throw new Error(`The dependency manifest lists ${name} for ${example} but has no snapshot of it.`);
          const response = await doFetch(`${baseUrl}${entry.file}`);
          if (!response.ok) throw new Error(`Could not fetch the snapshot of ${name} (${response.status}).`);
          return { name, snapshot: new Uint8Array(await response.arrayBuffer()) };
        }),
      );
    },
  };
}
