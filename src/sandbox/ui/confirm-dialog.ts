/** A modal confirmation built on <dialog>: focus moves in and back, Escape cancels, the page behind is inert. */
import { h, uniqueId } from "./dom.ts";

export interface ConfirmOptions {
  readonly title: string;
  readonly message: string;
  readonly confirmLabel: string;
  readonly cancelLabel?: string;
}

/** Asks the reader; resolves true only when they choose the confirm button. */
export function confirmDialog(host: HTMLElement, options: ConfirmOptions): Promise<boolean> {
  const titleId = uniqueId("fg-dialog-title");
  const messageId = uniqueId("fg-dialog-message");
  const cancel = h("button", { type: "button", class: "fg-button" }, options.cancelLabel ?? "Cancel");
  const confirm = h("button", { type: "button", class: "fg-button fg-button--danger" }, options.confirmLabel);
  const dialog = h(
    "dialog",
    { class: "fg-dialog", "aria-labelledby": titleId, "aria-describedby": messageId },
    h("h2", { id: titleId, class: "fg-dialog__title" }, options.title),
    h("p", { id: messageId }, options.message),
    h("div", { class: "fg-dialog__actions" }, cancel, confirm),
  );
  const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
  host.append(dialog);

  return new Promise((resolve) => {
    const close = (answer: boolean) => {
      dialog.close();
      dialog.remove();
      returnFocus?.focus();
      resolve(answer);
    };
    cancel.addEventListener("click", () => close(false));
    confirm.addEventListener("click", () => close(true));
    dialog.addEventListener("cancel", (event) => {
      event.preventDefault();
      close(false);
    });
    dialog.showModal();
    // The safe choice has focus first.
    cancel.focus();
  });
}
