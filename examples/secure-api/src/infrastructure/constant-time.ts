/**
 * Compares two byte arrays in time that depends only on their length, not on where they first differ, so
 * response times do not tell an attacker how many leading bytes of a guess were right.
 */
export function constantTimeEqual(left: Uint8Array, right: Uint8Array): boolean {
  if (left.length !== right.length) return false;
  let difference = 0;
  for (let index = 0; index < left.length; index += 1) difference |= (left[index] ?? 0) ^ (right[index] ?? 0);
  return difference === 0;
}
