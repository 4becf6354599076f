/** The CodeMirror 6 editor of a sandbox: one state per file (so undo history survives switching files), theme following the site. */
import { javascript } from "@codemirror/lang-javascript";
import { json } from "@codemirror/lang-json";
import { bracketMatching, indentOnInput } from "@codemirror/language";
import { Compartment, EditorState, type Extension } from "@codemirror/state";
import { EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from "@codemirror/view";
import { minimalSetup } from "codemirror";
import { editorTheme, type SiteTheme } from "./editor-themes.ts";

export interface CodeEditor {
  /** Shows `path` (creating its state from `contents` the first time). */
  open(path: string, contents: string): void;
  /** Drops every file's state (after Reset) and shows `path` again from `contents`. */
  reload(path: string, contents: string): void;
  setTheme(theme: SiteTheme): void;
  focus(): void;
  readonly currentPath: string | undefined;
}

function languageFor(path: string): Extension {
  if (/\.(?:[cm]?ts|tsx)$/.test(path)) return javascript({ typescript: true });
  if (/\.(?:[cm]?js|jsx)$/.test(path)) return javascript();
  if (/\.json$/.test(path)) return json();
  return [];
}

/** Mounts the editor in `parent`; `onChange` receives every edit of the shown file, `onSave` the reader's Ctrl/Cmd+S. */
export function createCodeEditor(
  parent: HTMLElement,
  theme: SiteTheme,
  onChange: (path: string, contents: string) => void,
  onSave: () => void,
): CodeEditor {
  const themeCompartment = new Compartment();
  const states = new Map<string, EditorState>();
  let activeTheme = theme;
  let currentPath: string | undefined;

  const view = new EditorView({ parent });

  function stateFor(path: string, contents: string): EditorState {
    const existing = states.get(path);
    if (existing) return existing;
    const state = EditorState.create({
      doc: contents,
      extensions: [
        // Readers press Ctrl/Cmd+S by habit: save the edits here instead of opening the browser's "Save page".
        keymap.of([
          {
            key: "Mod-s",
            preventDefault: true,
            run: () => {
              onSave();
              return true;
            },
          },
        ]),
        minimalSetup,
        lineNumbers(),
        highlightActiveLine(),
        highlightActiveLineGutter(),
        bracketMatching(),
        indentOnInput(),
        EditorState.tabSize.of(2),
        languageFor(path),
        themeCompartment.of(editorTheme(activeTheme)),
        // An explicit tab stop, so checkers (and some browsers) see the scrolling editor as keyboard-reachable.
        EditorView.contentAttributes.of({ "aria-label": `Code editor: ${path}`, tabindex: "0" }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(path, update.state.doc.toString());
        }),
      ],
    });
    states.set(path, state);
    return state;
  }

  function show(path: string, contents: string): void {
    if (currentPath !== undefined) states.set(currentPath, view.state);
    currentPath = path;
    view.setState(stateFor(path, contents));
    // States made before a theme change still carry the old theme.
    view.dispatch({ effects: themeCompartment.reconfigure(editorTheme(activeTheme)) });
  }

  return {
    open: show,
    reload(path, contents) {
      states.clear();
      currentPath = undefined;
      show(path, contents);
    },
    setTheme(next) {
      activeTheme = next;
      view.dispatch({ effects: themeCompartment.reconfigure(editorTheme(next)) });
    },
    focus: () => view.focus(),
    get currentPath() {
      return currentPath;
    },
  };
}
