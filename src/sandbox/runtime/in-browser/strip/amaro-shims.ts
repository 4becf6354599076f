/** What amaro's wasm-bindgen glue takes from Node's `util`: the text codecs every browser has. */
export const { TextDecoder, TextEncoder } = globalThis;
export default { TextDecoder, TextEncoder };
