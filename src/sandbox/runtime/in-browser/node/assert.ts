/** node:assert from the `assert` package (Node's assert for browsers). */
import assert from "assert";

export default assert;
export const {
  AssertionError,
  deepEqual,
  deepStrictEqual,
  doesNotMatch,
  doesNotReject,
  doesNotThrow,
  equal,
  fail,
  ifError,
  match,
  notDeepEqual,
  notDeepStrictEqual,
  notEqual,
  notStrictEqual,
  ok,
  rejects,
  strict,
  strictEqual,
  throws,
} = assert as typeof assert & { match: typeof assert.match; doesNotMatch: typeof assert.doesNotMatch };
