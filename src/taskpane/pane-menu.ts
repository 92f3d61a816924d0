import type { Lang } from "../domain";
import { translate } from "./i18n";
import type { MenuEntry } from "./pane-context";
import { el } from "./render-pane";

/**
 * The "Meer acties" menu button (WAI-ARIA menu button pattern): Enter, Space or Arrow Down open it
 * on the first item, Arrow Up on the last; arrows, Home and End move; Escape closes it and returns
 * to the button; Tab or a click elsewhere closes it.
 */

export interface PaneMenu {
  readonly element: HTMLElement;
  setDisabled(disabled: boolean): void;
  dispose(): void;
}

export function mountMenu(entries: readonly MenuEntry[], lang: Lang, onChoose: (entry: MenuEntry) => void): PaneMenu {
  const button = el(
    "button",
    { type: "button", class: "action menu-button", id: "menu-button", "aria-haspopup": "menu", "aria-expanded": "false", "aria-controls": "pane-menu", title: translate("menuHint", lang) },
    [translate("menu", lang), el("span", { class: "menu-chevron", "aria-hidden": "true" })],
  );
  const items = entries.map((entry) => {
    const item = el("button", { type: "button", role: "menuitem", class: "menu-item", tabindex: "-1", "data-entry": entry.id }, [
      el("span", { class: "menu-item-label" }, [translate(entry.label, lang)]),
      el("span", { class: "menu-item-hint" }, [translate(entry.hint, lang)]),
    ]);
    item.addEventListener("click", () => {
      if (item.getAttribute("aria-disabled") === "true") return;
      close(true);
      onChoose(entry);
    });
    return item;
  });
  const list = el("div", { class: "menu", id: "pane-menu", role: "menu", "aria-labelledby": "menu-button", hidden: "" }, items);
  const element = el("div", { class: "menu-wrap" }, [button, list]);

  function isOpen(): boolean {
    return !list.hidden;
  }

  function open(focusIndex: number): void {
    list.hidden = false;
    button.setAttribute("aria-expanded", "true");
    focusItem(focusIndex);
  }

  function close(returnFocus: boolean): void {
    if (!isOpen()) return;
    list.hidden = true;
    button.setAttribute("aria-expanded", "false");
    if (returnFocus) button.focus();
  }

  function focusItem(index: number): void {
    const count = items.length;
    if (count === 0) return;
    items[((index % count) + count) % count]?.focus();
  }

  function focusedIndex(): number {
    return items.findIndex((item) => item === document.activeElement);
  }

  button.addEventListener("click", () => (isOpen() ? close(true) : open(0)));
  button.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") open(0);
    else if (event.key === "ArrowUp") open(items.length - 1);
    else return;
    event.preventDefault();
  });
  list.addEventListener("keydown", (event) => {
    const index = focusedIndex();
    switch (event.key) {
      case "ArrowDown":
        focusItem(index + 1);
        break;
      case "ArrowUp":
        focusItem(index - 1);
        break;
      case "Home":
        focusItem(0);
        break;
      case "End":
        focusItem(items.length - 1);
        break;
      case "Escape":
        close(true);
        break;
      case "Tab":
        close(false);
        return;
      default:
        return;
    }
    event.preventDefault();
  });
  const onDocumentClick = (event: MouseEvent): void => {
    if (event.target instanceof Node && !element.contains(event.target)) close(false);
  };
  document.addEventListener("click", onDocumentClick);

  return {
    element,
    setDisabled(disabled: boolean): void {
      button.setAttribute("aria-disabled", disabled ? "true" : "false");
      for (const item of items) item.setAttribute("aria-disabled", disabled ? "true" : "false");
    },
    dispose(): void {
      document.removeEventListener("click", onDocumentClick);
    },
  };
}
