/**
 * The sandbox's Expand / Collapse toggle: it moves the opened sandbox into a modal <dialog> that fills
 * the window, and back into the page.
 *
 * Why a full-window dialog rather than widening the sandbox over Starlight's "On this page" column:
 * that column is position: fixed, so a wider sandbox would slide over it as the page scrolls and still
 * get only about two thirds of a desktop screen, with no more height. A modal dialog gets the whole
 * window, so files, editor and output sit side by side like TutorialKit's or the Svelte tutorial's
 * workspace. The browser also handles the hard parts: the page behind is inert, Tab stays inside,
 * and Escape leaves (after CodeMirror has had it, e.g. to drop extra cursors). The reader returns
 * to the same place in the page with focus on the toggle.
 */
import { h, uniqueId } from "./dom.ts";

export interface FullWindowToggle {
  /** The Expand / Collapse button, for the sandbox's toolbar. */
  readonly button: HTMLButtonElement;
}

/**
 * Builds the toggle for the sandbox `sandboxRoot()` returns (the toggle sits inside it, so it is
 * built first), which lives in `mount`; `title` names the dialog, `announce` speaks the change
 * through the sandbox's live region.
 */
export function createFullWindowToggle(
  sandboxRoot: () => HTMLElement,
  mount: HTMLElement,
  title: string,
  announce: (message: string) => void,
): FullWindowToggle {
  const titleId = uniqueId("fg-full-window-title");
  const button = h("button", { type: "button", class: "fg-button fg-full-window-toggle" }, "Expand");
  const dialog = h(
    "dialog",
    { class: "fg-full-window", "aria-labelledby": titleId },
    h("h2", { class: "fg-full-window__title", id: titleId }, title),
  );

  const render = (expanded: boolean) => {
    button.textContent = expanded ? "Collapse" : "Expand";
    button.title = expanded ? "Back to the page (Escape)" : "Use the whole window";
    if (expanded) button.setAttribute("aria-keyshortcuts", "Escape");
    else button.removeAttribute("aria-keyshortcuts");
  };

  const expand = () => {
    const root = sandboxRoot();
    // The page keeps the sandbox's height while it is away, so nothing behind the dialog moves.
    mount.style.minHeight = `${root.offsetHeight + parseFloat(getComputedStyle(root).marginTop)}px`;
    keepingScroll(root, () => {
      dialog.append(root);
      mount.append(dialog);
      dialog.showModal();
    });
    render(true);
    button.focus();
    announce("The sandbox fills the window. Press Escape or Collapse to return to the page.");
  };

  const collapse = () => {
    const root = sandboxRoot();
    // Moved out while the dialog is still open: a closed dialog has no layout, so its scroll offsets read 0.
    keepingScroll(root, () => mount.insertBefore(root, dialog));
    dialog.close();
    dialog.remove();
    mount.style.minHeight = "";
    render(false);
    // Focusing scrolls the page only as far as needed to show the toggle.
    button.focus();
    announce("The sandbox is back in the page.");
  };

  // Escape arrives as the dialog's cancel event, after CodeMirror has had its chance to use it.
  dialog.addEventListener("cancel", (event) => {
    event.preventDefault();
    collapse();
  });
  button.addEventListener("click", () => (dialog.open ? collapse() : expand()));
  render(false);
  return { button };
}

/** Moving an element resets the scroll offsets inside it; puts back the editor's, the tree's and the panels'. */
function keepingScroll(root: HTMLElement, move: () => void): void {
  const scrolled = [...root.querySelectorAll<HTMLElement>("*")]
    .filter((element) => element.scrollTop > 0 || element.scrollLeft > 0)
    .map((element) => ({ element, top: element.scrollTop, left: element.scrollLeft }));
  move();
  for (const { element, top, left } of scrolled) element.scrollTo({ top, left });
}
