/**
 * node:module: stripTypeScriptTypes with Node's own stripper (amaro), isBuiltin and
 * builtinModules. CommonJS (createRequire) and loader hooks (register) are not provided.
 */
import { stripLikeNode } from "../strip/strip-like-node.ts";
import { BUILTIN_STAND_INS } from "../build/provided-modules.ts";

export function stripTypeScriptTypes(
  code: string,
  options: { mode?: "strip" | "transform"; sourceUrl?: string } = {},
): string {
  if (typeof code !== "string")
    throw Object.assign(new TypeError(`The "code" argument must be of type string. Received ${typeof code}`), {
      code: "ERR_INVALID_ARG_TYPE",
    });
  const stripped = stripLikeNode(code, options.mode ?? "strip");
  return options.sourceUrl ? `${stripped}\n\n//# sourceURL=${options.sourceUrl}` : stripped;
}

export const builtinModules = Object.keys(BUILTIN_STAND_INS);
export const isBuiltin = (specifier: string): boolean =>
  (specifier.startsWith("node:") ? specifier.slice(5) : specifier) in BUILTIN_STAND_INS;

const notProvided = (api: string) => (): never => {
  throw new Error(
    `${api} is not available in the in-browser runtime: it loads ES modules only. Run the example with Node for CommonJS or loader hooks.`,
  );
};
export const createRequire = notProvided("module.createRequire()");
export const register = notProvided("module.register()");
export const registerHooks = notProvided("module.registerHooks()");
export const enableCompileCache = () => ({ status: 0 });
export const constants = { compileCacheStatus: { FAILED: 0, ENABLED: 1, ALREADY_ENABLED: 2, DISABLED: 3 } };

export default {
  stripTypeScriptTypes,
  builtinModules,
  isBuiltin,
  createRequire,
  register,
  registerHooks,
  enableCompileCache,
  constants,
};
