/** A Node API the in-browser runtime cannot provide: loading the module works, using it throws this message. */
export function unavailable(api: string, instead: string): () => never {
  return () => {
    throw Object.assign(new Error(`${api} is not available in the in-browser runtime: ${instead}`), {
      code: "ERR_NOT_AVAILABLE_IN_BROWSER",
    });
  };
}
