/**
 * Turns an example's package.json script (`node --test "tests/**\/*.test.ts"`) into the
 * arguments for `node`, so both runtimes run it without a shell. Only plain `node …` scripts
 * are accepted: anything a shell would interpret (pipes, variables, unquoted globs, `&&`) is
 * refused rather than guessed at.
 */

/** A script the runtimes refuse to run, with the reason in the message. */
export class UnsupportedScriptError extends Error {
  constructor(script: string, why: string) {
    super(`Cannot run the script "${script}" without a shell: ${why}.`);
    this.name = "UnsupportedScriptError";
  }
}

// Characters that mean something to a shell outside quotes; `*?[` because the shell, not node, would expand them.
const SHELL_SYNTAX = /[|&;<>()$`\\!*?[\]{}~#'"]/;
// Inside double quotes the shell still expands these.
const DOUBLE_QUOTED_SYNTAX = /[$`\\!]/;

/** Splits a script into words the way a POSIX shell would for the plain cases, refusing the rest. */
export function splitScript(script: string): string[] {
  const words: string[] = [];
  let current = "";
  let inWord = false;
  let index = 0;
  while (index < script.length) {
    const char = script.charAt(index);
    if (char === " " || char === "\t") {
      if (inWord) words.push(current);
      current = "";
      inWord = false;
      index += 1;
    } else if (char === '"' || char === "'") {
      const end = script.indexOf(char, index + 1);
      if (end === -1) throw new UnsupportedScriptError(script, `unclosed ${char} quote`);
      const quoted = script.slice(index + 1, end);
      if (char === '"' && DOUBLE_QUOTED_SYNTAX.test(quoted)) {
        throw new UnsupportedScriptError(script, "it uses shell expansion inside double quotes");
      }
      current += quoted;
      inWord = true;
      index = end + 1;
    } else if (SHELL_SYNTAX.test(char) || char === "\n" || char === "\r") {
      throw new UnsupportedScriptError(script, `it uses the shell character ${JSON.stringify(char)}`);
    } else {
      current += char;
      inWord = true;
      index += 1;
    }
  }
  if (inWord) words.push(current);
  return words;
}

/** The arguments that follow `node` in a `node …` script. */
export function nodeArgsOfScript(script: string): string[] {
  const [program, ...args] = splitScript(script);
  if (program !== "node") {
    throw new UnsupportedScriptError(script, "only scripts that start with `node` are run");
  }
  return args;
}
