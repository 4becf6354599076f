/** node:os: constant answers for a page (one CPU set by the browser, a POSIX-like machine with no network interfaces). */
export const EOL = "\n";
export const devNull = "/dev/null";
export const platform = () => "browser";
export const type = () => "Browser";
export const release = () => "";
export const version = () => "";
export const machine = () => "wasm";
export const arch = () => "wasm";
export const hostname = () => "localhost";
export const homedir = () => "/home/reader";
export const tmpdir = () => "/tmp";
export const endianness = () => "LE";
export const uptime = () => Math.floor(performance.now() / 1000);
export const loadavg = () => [0, 0, 0];
export const totalmem = () => 2 ** 31;
export const freemem = () => 2 ** 30;
export const availableParallelism = () => globalThis.navigator?.hardwareConcurrency ?? 1;
export const cpus = () =>
  Array.from({ length: availableParallelism() }, () => ({
    model: "browser",
    speed: 0,
    times: { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 },
  }));
export const networkInterfaces = () => ({});
export const userInfo = () => ({ uid: 1000, gid: 1000, username: "reader", homedir: "/home/reader", shell: null });
export const constants = { signals: { SIGINT: 2, SIGTERM: 15, SIGKILL: 9, SIGHUP: 1 }, errno: {} };
export default {
  EOL,
  devNull,
  platform,
  type,
  release,
  version,
  machine,
  arch,
  hostname,
  homedir,
  tmpdir,
  endianness,
  uptime,
  loadavg,
  totalmem,
  freemem,
  availableParallelism,
  cpus,
  networkInterfaces,
  userInfo,
  constants,
};
