/** The build's description of the runtime's files (dist/_runtime/manifest.json), shared by the build and the page. */
export interface RuntimeManifest {
  readonly version: 1;
  /** Paths relative to the manifest's folder. */
  readonly processWorker: string;
  readonly stripperWorker: string;
  /** Specifier (`hono`, `hono/body-limit`, `node:test`) → path of its module. */
  readonly modules: Readonly<Record<string, string>>;
  /** Real-server driver package → the environment variable that selects it. */
  readonly serverDrivers: Readonly<Record<string, string>>;
}

export const MANIFEST_FILE = "manifest.json";
