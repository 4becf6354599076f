/** The opened sandbox's DOM: toolbar, runtime picker, Expand toggle, file tree, editor, terminal, request panel and the README's steps. */
import { applyPatch } from "diff";
import type { ExampleBundle } from "../files/example-files.ts";
import type { TryRequest, TryStep } from "../files/try-this.ts";
import { requestText } from "../files/request-text.ts";
import type { RuntimeKind } from "../runtime/port.ts";
import { createCodeEditor } from "./code-editor.ts";
import { confirmDialog } from "./confirm-dialog.ts";
import { h, inlineMarkdown, uniqueId } from "./dom.ts";
import { currentSiteTheme, watchSiteTheme } from "./editor-themes.ts";
import { zipExample } from "./example-zip.ts";
import type { Explanation } from "./failure-explanations.ts";
import { createFileTree } from "./file-tree.ts";
import { createFullWindowToggle } from "./full-window.ts";
import { createOutputTerminal } from "./output-terminal.ts";
import { createRequestPanel } from "./request-panel.ts";
import { runtimeAbilities, runtimeLabels } from "./runtime-options.ts";
import type { Activity, SandboxSession, Tone } from "./sandbox-session.ts";
import { tracesPathOf } from "./trace-lookup.ts";
import { stackBlitzForm } from "./stackblitz-project.ts";

export interface SandboxViewOptions {
  readonly bundle: ExampleBundle;
  readonly session: SandboxSession;
  readonly title: string;
  readonly openFirst: string;
  /** Shown at once when storage is blocked or saved edits were unreadable. */
  readonly storageMessage: string | undefined;
}

/** Builds the sandbox inside `mount`, wires it to the session, and returns its root (focused by the caller). */
export function mountSandboxView(mount: HTMLElement, options: SandboxViewOptions): HTMLElement {
  const { bundle, session, title } = options;
  const id = uniqueId("fg-sandbox");
  const theme = currentSiteTheme();

  const button = (label: string, extraClass = "") =>
    h("button", { type: "button", class: `fg-button ${extraClass}`.trim() }, label);
  const runTests = button("Run tests", "fg-button--primary");
  const startService = button("Start service", "fg-button--primary");
  const stop = button("Stop");
  const reset = button("Reset");
  const download = button("Download");
  const stackblitz = button("Open in StackBlitz");
  stackblitz.setAttribute("aria-describedby", `${id}-stackblitz-note`);

  const runtimeSelect = h(
    "select",
    { id: `${id}-runtime`, class: "fg-input" },
    ...session.runtimes.map((option) => h("option", { value: option.kind }, runtimeLabels[option.kind])),
  );
  // The picker's options, one line each on what they can and cannot do.
  const runtimeAbout = h(
    "details",
    { class: "fg-runtimes" },
    h("summary", {}, "What each runtime can do"),
    h(
      "ul",
      {},
      ...session.runtimes.map((option) =>
        h("li", {}, h("strong", {}, runtimeLabels[option.kind]), `: ${runtimeAbilities[option.kind]}`),
      ),
    ),
  );
  const status = h("p", { class: "fg-status", role: "status", "aria-live": "polite", "aria-atomic": "true" });
  const previewLink = h("a", { target: "_blank", rel: "noopener" });
  const preview = h("p", { class: "fg-preview", hidden: true }, "Preview: ", previewLink, " (opens in a new tab)");
  const problem = h("div", { class: "fg-problem", role: "alert" });
  const storageNotice = h("p", { class: "fg-notice", hidden: true });

  const treeMount = h("div", { class: "fg-files__tree" });
  const editorTitle = h("h4", { class: "fg-panel__title fg-editor__title", id: `${id}-editor-title` });
  const editorMount = h("div", { class: "fg-editor" });
  const terminalMount = h("div", {
    class: "fg-terminal",
    tabindex: 0,
    role: "region",
    "aria-label": "Terminal output (scroll with the arrow keys)",
  });

  const fullWindow = createFullWindowToggle(
    () => root,
    mount,
    title,
    (message) => announce(message, "info"),
  );
  // The running example's own package.json says whether it records traces (the reader may have edited it).
  const requestPanel = createRequestPanel(
    session.send,
    (message, tone) => announce(message, tone),
    () => tracesPathOf(session.files()["package.json"]),
  );
  const tryList = renderTryThis(bundle.tryThis);

  const root = h(
    "div",
    { class: "fg-sandbox", role: "region", "aria-label": `Sandbox: ${title}`, tabindex: -1, "data-theme": theme },
    h(
      "div",
      { class: "fg-sandbox__bar" },
      h(
        "div",
        { class: "fg-toolbar" },
        h("div", { class: "fg-toolbar__group", role: "group", "aria-label": "Run" }, runTests, startService, stop),
        h("div", { class: "fg-toolbar__group", role: "group", "aria-label": "Files" }, reset, download, stackblitz),
      ),
      h(
        "div",
        { class: "fg-sandbox__bar-end" },
        h(
          "div",
          { class: "fg-field fg-field--inline fg-runtime" },
          h("label", { for: runtimeSelect.id }, "Runtime"),
          runtimeSelect,
        ),
        fullWindow.button,
      ),
    ),
    runtimeAbout,
    status,
    preview,
    problem,
    storageNotice,
    h(
      "p",
      { class: "fg-visually-hidden", id: `${id}-stackblitz-note` },
      "Opens in a new tab and sends the files, with your edits, to stackblitz.com.",
    ),
    // Files, editor, then what runs: the DOM order is the reading and Tab order in every layout (sandbox.css).
    h(
      "div",
      { class: "fg-sandbox__workspace" },
      h(
        "section",
        { class: "fg-panel fg-files", "aria-labelledby": `${id}-files-title` },
        h("h4", { class: "fg-panel__title", id: `${id}-files-title` }, "Files"),
        treeMount,
      ),
      h("section", { class: "fg-panel fg-editor-panel", "aria-labelledby": editorTitle.id }, editorTitle, editorMount),
      h(
        "div",
        { class: "fg-sandbox__output" },
        h(
          "section",
          { class: "fg-panel fg-terminal-panel", "aria-labelledby": `${id}-terminal-title` },
          h("h4", { class: "fg-panel__title", id: `${id}-terminal-title` }, "Terminal"),
          terminalMount,
        ),
        h("div", { class: "fg-sandbox__lower" }, requestPanel.element, tryList.element),
      ),
    ),
  );
  mount.replaceChildren(root);

  // Panels need their size before CodeMirror and xterm measure themselves.
  const editor = createCodeEditor(
    editorMount,
    theme,
    (path, contents) => session.edit(path, contents),
    () => {
      session.flush();
      if (storageNotice.hidden) announce("Your edits are saved in this browser.", "success");
    },
  );
  const terminal = createOutputTerminal(terminalMount, theme);
  const tree = createFileTree(treeMount, `Files of ${bundle.name}`, Object.keys(bundle.files), (path) =>
    openFile(path, true),
  );

  function openFile(path: string, focusEditor: boolean): void {
    const contents = session.files()[path];
    if (contents === undefined) return;
    editor.open(path, contents);
    tree.select(path);
    renderEditorTitle(path);
    if (focusEditor) editor.focus();
  }

  function renderEditorTitle(path: string): void {
    editorTitle.replaceChildren(h("span", { class: "fg-visually-hidden" }, "Editing "), h("code", {}, path));
    if (session.isModified(path)) editorTitle.append(h("span", { class: "fg-editor__modified" }, " (modified)"));
  }

  function announce(message: string, tone: Tone): void {
    status.textContent = message;
    status.dataset["tone"] = tone;
  }

  function showProblem(explanation: Explanation | undefined): void {
    problem.replaceChildren();
    problem.classList.toggle("fg-problem--shown", explanation !== undefined);
    if (!explanation) return;
    problem.append(
      h("p", { class: "fg-problem__title" }, explanation.title),
      h("p", {}, inlineMarkdown(explanation.detail)),
    );
    if (explanation.switchTo) {
      const target = explanation.switchTo;
      const use = button(`Use ${runtimeLabels[target]}`);
      use.addEventListener("click", () => {
        runtimeSelect.value = target;
        void session.selectRuntime(target);
      });
      problem.append(use);
    }
    if (explanation.terminalCommands) {
      problem.append(
        h(
          "p",
          {},
          explanation.commandsIntro ?? "Download the example (button above), unzip it, and in its folder run:",
        ),
        h("pre", { class: "fg-problem__commands" }, explanation.terminalCommands.join("\n")),
      );
    }
  }

  function renderActivity(activity: Activity): void {
    // aria-disabled rather than disabled: the button keeps focus while its run goes on.
    runTests.setAttribute("aria-disabled", String(activity.testing || activity.busy));
    startService.setAttribute("aria-disabled", String(activity.service !== "stopped" || activity.busy));
    stop.setAttribute("aria-disabled", String(!activity.testing && activity.service === "stopped"));
    session.runtimes.forEach((option, index) => {
      const item = runtimeSelect.options[index];
      if (item) item.text = `${runtimeLabels[option.kind]}${option.availability.available ? "" : " (unavailable)"}`;
    });
    runtimeSelect.value = activity.runtime ?? "";
    runtimeSelect.disabled = session.runtimes.length < 2 || activity.busy;
    root.dataset["service"] = activity.service;
    preview.hidden = activity.preview === undefined;
    if (activity.preview !== undefined && previewLink.getAttribute("href") !== activity.preview) {
      previewLink.setAttribute("href", activity.preview);
      previewLink.textContent = new URL(activity.preview, window.location.href).pathname;
    }
  }

  session.subscribe((event) => {
    switch (event.type) {
      case "output":
        terminal.write(event.text);
        break;
      case "status":
        announce(event.message, event.tone);
        break;
      case "problem":
        showProblem(event.explanation);
        break;
      case "storage":
        storageNotice.hidden = event.message === undefined;
        storageNotice.textContent = event.message ?? "";
        break;
      case "files":
        tree.setModified(event.modified);
        if (event.reset && editor.currentPath)
          editor.reload(editor.currentPath, session.files()[editor.currentPath] ?? "");
        if (editor.currentPath) renderEditorTitle(editor.currentPath);
        break;
      case "activity":
        renderActivity(event.activity);
        break;
    }
  });

  const initialProblem = session.initialProblem();
  if (initialProblem) showProblem(initialProblem);

  runTests.addEventListener("click", () => void session.runTests());
  startService.addEventListener("click", () => void session.startService());
  stop.addEventListener("click", () => void session.stop());
  runtimeSelect.addEventListener("change", () => void session.selectRuntime(runtimeSelect.value as RuntimeKind));
  reset.addEventListener("click", async () => {
    const count = Object.keys(session.files()).filter((path) => session.isModified(path)).length;
    const confirmed = await confirmDialog(root, {
      title: `Reset ${title}?`,
      message:
        count === 0
          ? "You have not changed any file; resetting changes nothing."
          : `This puts back the original ${count === 1 ? "file" : `${count} files`} and deletes your saved edits for this example. It cannot be undone; use Download first to keep a copy.`,
      confirmLabel: "Restore originals",
    });
    if (confirmed) await session.reset();
    else announce("Reset cancelled; your edits are unchanged.", "info");
  });
  download.addEventListener("click", () => {
    const bytes = zipExample(bundle.name, session.files());
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: "application/zip" }));
    const link = h("a", { href: url, download: `${bundle.name}.zip`, hidden: true });
    root.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    announce(`Downloaded ${bundle.name}.zip. Unzip it, then run npm install and npm start in its folder.`, "success");
  });
  stackblitz.addEventListener("click", () => {
    const { action, fields } = stackBlitzForm({
      title: title,
      description: bundle.description,
      files: session.files(),
      openFile: editor.currentPath ?? options.openFirst,
    });
    const form = h("form", { method: "post", action, target: "_blank", hidden: true });
    for (const [name, value] of fields) {
      const input = h("input", { type: "hidden", name });
      input.value = value;
      form.append(input);
    }
    root.append(form);
    form.submit();
    form.remove();
    announce("Opened the example, with your edits, on StackBlitz in a new tab.", "info");
  });

  watchSiteTheme((next) => {
    root.dataset["theme"] = next;
    editor.setTheme(next);
    terminal.setTheme(next);
  });
  // Nothing typed is lost: write pending edits before the page goes away.
  const flush = () => session.flush();
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", flush);

  tryList.bind({
    applyEdit(path, patch) {
      const patched = applyPatch(session.files()[path] ?? "", patch);
      if (patched === false) {
        announce(
          `This edit no longer applies to ${path}: the file has changed. Reset it, or make the change by hand.`,
          "error",
        );
        return;
      }
      session.edit(path, patched);
      openFile(path, true);
      editor.reload(path, patched);
      announce(
        `Applied the edit to ${path}. Run the tests to see its effect; Reset puts the original back.`,
        "success",
      );
    },
    runTests: () => void session.runTests(),
    startService: () => void session.startService(),
    send: (request) => void requestPanel.sendPrepared(request),
  });

  openFile(options.openFirst, false);
  tree.setModified(new Set(Object.keys(session.files()).filter((path) => session.isModified(path))));
  renderActivity(session.activity());
  if (options.storageMessage) {
    storageNotice.hidden = false;
    storageNotice.textContent = options.storageMessage;
  }
  terminal.write(`\u001b[90m${bundle.title}: Run tests or Start service; output appears here.\u001b[0m\n`);
  announce(`Sandbox open. ${runtimeLabels[session.activity().runtime ?? "local"]} runs the example.`, "info");
  return root;
}

interface TryActions {
  applyEdit(path: string, patch: string): void;
  runTests(): void;
  startService(): void;
  send(request: { method: string; path: string; headers: Record<string, string>; body?: string }): void;
}

/** The README's "Things to try" as an ordered list; runnable steps get a one-click button. */
function renderTryThis(steps: readonly TryStep[]): { element: HTMLElement; bind(actions: TryActions): void } {
  const id = uniqueId("fg-try");
  const buttons: Array<[HTMLButtonElement, (actions: TryActions) => void]> = [];
  const appendRequest = (item: HTMLElement, request: TryRequest) => {
    const send = h(
      "button",
      { type: "button", class: "fg-button fg-button--small" },
      `Try: ${request.method} ${request.path}`,
    );
    buttons.push([
      send,
      (actions) =>
        actions.send({
          method: request.method,
          path: request.path,
          headers: { ...request.headers },
          ...(request.body ? { body: request.body } : {}),
        }),
    ]);
    item.append(h("pre", { class: "fg-try__code" }, requestText(request)), send);
  };
  const items = steps.map((step) => {
    const item = h("li", { class: "fg-try__step" });
    if (step.intro) item.append(h("p", {}, inlineMarkdown(step.intro)));
    if (step.kind === "http") {
      appendRequest(item, step);
    } else if (step.kind === "command" || step.kind === "edit") {
      if (step.kind === "edit") {
        const apply = h(
          "button",
          { type: "button", class: "fg-button fg-button--small" },
          `Apply edit to ${step.path}`,
        );
        buttons.push([apply, (actions) => actions.applyEdit(step.path, step.patch)]);
        item.append(h("pre", { class: "fg-try__code" }, step.patch), apply);
        if (step.request) appendRequest(item, step.request);
      }
      if (step.commands.length > 0) {
        item.append(h("pre", { class: "fg-try__code" }, step.commands.map((command) => `$ ${command}`).join("\n")));
      }
      for (const command of step.commands) {
        const action = command === "npm test" ? "runTests" : command === "npm start" ? "startService" : undefined;
        if (!action) continue;
        const run = h("button", { type: "button", class: "fg-button fg-button--small" }, `Try: ${command}`);
        buttons.push([run, (actions) => actions[action]()]);
        item.append(run);
      }
    }
    if (step.expect) item.append(h("p", { class: "fg-try__expect" }, inlineMarkdown(step.expect)));
    return item;
  });
  const element = h(
    "section",
    { class: "fg-panel fg-try", "aria-labelledby": `${id}-title` },
    h("h4", { class: "fg-panel__title", id: `${id}-title` }, "Things to try"),
    items.length > 0
      ? h("ol", { class: "fg-try__list" }, ...items)
      : h("p", {}, "Open the README for ideas, or run the tests."),
  );
  return {
    element,
    bind(actions) {
      for (const [control, act] of buttons) control.addEventListener("click", () => act(actions));
    },
  };
}
