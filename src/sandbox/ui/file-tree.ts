/**
 * The example's files as an ARIA tree (WAI-ARIA APG tree view pattern): one tab stop, arrow keys
 * move, Right/Left expand and collapse, Enter or Space opens a file. Modified files are marked.
 * Items are one flat list with aria-level, so each item's name is just its own row.
 */
import { ancestorFolders, buildFileTree, type TreeNode } from "./file-tree-model.ts";

export interface FileTree {
  /** Marks `path` as the open file and moves the tab stop to it. */
  select(path: string): void;
  setModified(modified: ReadonlySet<string>): void;
}

/** The "modified" mark of a file: a dot for the eye, words for screen readers. */
function modifiedMark(): HTMLElement {
  const mark = document.createElement("span");
  mark.className = "fg-tree__modified";
  mark.innerHTML = `<span aria-hidden="true"> ●</span><span class="fg-visually-hidden"> (modified)</span>`;
  return mark;
}

/** Renders the tree into `parent`; `onOpen` is called when the reader opens a file. */
export function createFileTree(
  parent: HTMLElement,
  label: string,
  paths: readonly string[],
  onOpen: (path: string) => void,
): FileTree {
  const tree = document.createElement("ul");
  tree.setAttribute("role", "tree");
  tree.setAttribute("aria-label", label);
  tree.className = "fg-tree";
  const items: HTMLLIElement[] = [];
  const fileItems = new Map<string, HTMLLIElement>();
  const folderItems = new Map<string, HTMLLIElement>();
  /** Each item's folder (undefined at the top level). */
  const parentOf = new Map<HTMLLIElement, HTMLLIElement | undefined>();

  const render = (nodes: readonly TreeNode[], level: number, parentItem: HTMLLIElement | undefined) => {
    nodes.forEach((node, index) => {
      const item = document.createElement("li");
      item.setAttribute("role", "treeitem");
      item.setAttribute("aria-level", String(level));
      item.setAttribute("aria-setsize", String(nodes.length));
      item.setAttribute("aria-posinset", String(index + 1));
      item.tabIndex = -1;
      item.dataset["path"] = node.path;
      item.className = `fg-tree__row fg-tree__row--${node.kind}`;
      item.style.paddingInlineStart = `${(level - 1) * 0.9 + 0.4}rem`;
      items.push(item);
      parentOf.set(item, parentItem);
      tree.append(item);
      if (node.kind === "folder") {
        item.setAttribute("aria-expanded", "true");
        item.innerHTML = `<span class="fg-tree__twisty" aria-hidden="true"></span>`;
        item.append(node.name);
        folderItems.set(node.path, item);
        render(node.children, level + 1, item);
      } else {
        item.setAttribute("aria-selected", "false");
        item.title = node.path;
        item.append(node.name);
        fileItems.set(node.path, item);
      }
    });
  };
  render(buildFileTree(paths), 1, undefined);
  parent.append(tree);

  const isShown = (item: HTMLLIElement): boolean => {
    for (let folder = parentOf.get(item); folder; folder = parentOf.get(folder)) {
      if (folder.getAttribute("aria-expanded") !== "true") return false;
    }
    return true;
  };
  const refreshVisibility = () => {
    for (const item of items) item.hidden = !isShown(item);
  };
  const setExpanded = (folder: HTMLElement, expanded: boolean) => {
    folder.setAttribute("aria-expanded", String(expanded));
    refreshVisibility();
  };
  const moveTabStop = (item: HTMLElement) => {
    for (const other of items) other.tabIndex = -1;
    item.tabIndex = 0;
  };
  const focusItem = (item: HTMLElement | undefined) => {
    if (!item) return;
    moveTabStop(item);
    item.focus();
  };
  const activate = (item: HTMLLIElement) => {
    if (item.hasAttribute("aria-expanded")) setExpanded(item, item.getAttribute("aria-expanded") !== "true");
    else onOpen(item.dataset["path"] ?? "");
  };

  tree.addEventListener("click", (event) => {
    const item = (event.target as HTMLElement).closest<HTMLLIElement>('[role="treeitem"]');
    if (!item) return;
    focusItem(item);
    activate(item);
  });

  tree.addEventListener("keydown", (event) => {
    const item = (event.target as HTMLElement).closest<HTMLLIElement>('[role="treeitem"]');
    if (!item || event.altKey || event.ctrlKey || event.metaKey) return;
    const shown = items.filter((candidate) => !candidate.hidden);
    const index = shown.indexOf(item);
    const expanded = item.getAttribute("aria-expanded");
    const handlers: Record<string, () => void> = {
      ArrowDown: () => focusItem(shown[index + 1]),
      ArrowUp: () => focusItem(shown[index - 1]),
      Home: () => focusItem(shown[0]),
      End: () => focusItem(shown.at(-1)),
      ArrowRight: () => {
        if (expanded === "false") setExpanded(item, true);
        else if (expanded === "true") focusItem(shown[index + 1]);
      },
      ArrowLeft: () => {
        if (expanded === "true") setExpanded(item, false);
        else focusItem(parentOf.get(item));
      },
      Enter: () => activate(item),
      " ": () => activate(item),
    };
    const handler = handlers[event.key];
    if (!handler) return;
    event.preventDefault();
    handler();
  });

  return {
    select(path) {
      for (const [filePath, item] of fileItems) item.setAttribute("aria-selected", String(filePath === path));
      for (const folder of ancestorFolders(path)) folderItems.get(folder)?.setAttribute("aria-expanded", "true");
      refreshVisibility();
      const item = fileItems.get(path);
      if (item) {
        moveTabStop(item);
        revealIn(parent, item);
      }
    },
    setModified(modified) {
      for (const [path, item] of fileItems) {
        const mark = item.querySelector(".fg-tree__modified");
        if (modified.has(path) && !mark) item.append(modifiedMark());
        if (!modified.has(path)) mark?.remove();
      }
    },
  };
}

/** Scrolls the tree's own box (never the page, as scrollIntoView would) to centre `item` when it is out of view. */
function revealIn(scroller: HTMLElement, item: HTMLElement): void {
  const box = scroller.getBoundingClientRect();
  const row = item.getBoundingClientRect();
  if (row.top >= box.top && row.bottom <= box.bottom) return;
  scroller.scrollTop += row.top - box.top - (box.height - row.height) / 2;
}
