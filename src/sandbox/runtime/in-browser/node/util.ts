/** node:util from the `util` package (inspect, format, promisify, types…), plus the few newer helpers examples reach for. */
import util from "util";

export const { format, inspect, inherits, promisify, callbackify, deprecate, debuglog, isDeepStrictEqual, types } =
  util as typeof util & {
    isDeepStrictEqual: (a: unknown, b: unknown) => boolean;
  };
export const { TextEncoder, TextDecoder } = globalThis;
export const stripVTControlCharacters = (text: string): string =>
  // eslint-disable-next-line no-control-regex
  text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, "");
export const styleText = (_format: string | string[], text: string): string => text;
export default { ...util, TextEncoder, TextDecoder, stripVTControlCharacters, styleText };
