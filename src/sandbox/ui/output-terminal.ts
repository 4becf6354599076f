/** The xterm.js terminal that shows what a run prints, live; read-only (the runtimes take no keyboard input). */
import { FitAddon } from "@xterm/addon-fit";
import { Terminal, type ITheme } from "@xterm/xterm";
import type { SiteTheme } from "./editor-themes.ts";

export interface OutputTerminal {
  write(text: string): void;
  setTheme(theme: SiteTheme): void;
}

const themes: Record<SiteTheme, ITheme> = {
  dark: {
    background: "#0d1117",
    foreground: "#e6edf3",
    cursor: "#0d1117",
    selectionBackground: "#2f4a73",
    // Grey text (durations, the sandbox's own notes) readable on the dark background.
    brightBlack: "#9aa4b2",
  },
  light: {
    background: "#f6f8fa",
    foreground: "#1f2328",
    cursor: "#f6f8fa",
    selectionBackground: "#b6d7ff",
    // node:test's green and red, darkened so they stay readable on a light background.
    green: "#116329",
    brightGreen: "#116329",
    red: "#a40e26",
    brightRed: "#a40e26",
    blue: "#0550ae",
    cyan: "#1b7c83",
    yellow: "#7d4e00",
    brightBlack: "#57606a",
  },
};

/** Opens a terminal in `parent`, sized to it and resized with it. */
export function createOutputTerminal(parent: HTMLElement, theme: SiteTheme): OutputTerminal {
  const terminal = new Terminal({
    convertEol: true,
    disableStdin: true,
    cursorStyle: "bar",
    cursorInactiveStyle: "none",
    scrollback: 5000,
    fontSize: 13,
    fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
    theme: themes[theme],
    // Whatever colours a program prints, keep them readable (WCAG AA) on the terminal's background.
    minimumContrastRatio: 4.5,
  });
  const fit = new FitAddon();
  terminal.loadAddon(fit);
  terminal.open(parent);
  // The terminal shows output only; its hidden input must not take focus from keyboard users.
  terminal.textarea?.setAttribute("tabindex", "-1");
  terminal.textarea?.setAttribute("aria-hidden", "true");
  // Keyboard users scroll the output from the focusable container instead.
  parent.addEventListener("keydown", (event) => {
    const rows = terminal.rows;
    const scroll: Record<string, () => void> = {
      ArrowUp: () => terminal.scrollLines(-1),
      ArrowDown: () => terminal.scrollLines(1),
      PageUp: () => terminal.scrollLines(-(rows - 1)),
      PageDown: () => terminal.scrollLines(rows - 1),
      Home: () => terminal.scrollToTop(),
      End: () => terminal.scrollToBottom(),
    };
    const action = scroll[event.key];
    if (action && event.target === parent) {
      event.preventDefault();
      action();
    }
  });
  const refit = () => {
    if (parent.clientWidth > 0 && parent.clientHeight > 0) fit.fit();
  };
  const resizes = new ResizeObserver(refit);
  resizes.observe(parent);
  refit();

  return {
    write(text) {
      terminal.write(text);
    },
    setTheme(next) {
      terminal.options.theme = themes[next];
    },
  };
}
