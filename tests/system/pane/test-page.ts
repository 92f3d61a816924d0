import type { SheetGrid } from "../../../src/domain";

/** What the browser test can do on the test page (window.pmTest). */
export interface PaneTestApi {
  readonly ready: true;
  /** The cell the pane last selected (sheet name and A1), if any. */
  lastSelection(): { sheet: string; address: string } | undefined;
  /** An edit "by the user": the cell changes and Excel fires onChanged. */
  editCell(sheet: string, address: string, value: string | number | null): Promise<void>;
  /** How many workbooks the pane opened with Excel.createWorkbook. */
  createdWorkbooks(): number;
  /** Names of the workbook's sheets. */
  sheetNames(): string[];
  /** The user deletes a sheet behind the pane's back. */
  removeSheet(name: string): void;
  /** The user selects a cell in Excel. */
  selectByUser(sheet: string, address: string): Promise<void>;
}

declare global {
  interface Window {
    pmTest?: PaneTestApi;
  }
}

/** The workbook the test serves as test-workbook.json. */
export async function fetchTestWorkbook(): Promise<SheetGrid[]> {
  const response = await fetch("test-workbook.json");
  if (!response.ok) throw new Error(`test-workbook.json: HTTP ${response.status}`);
  return (await response.json()) as SheetGrid[];
}

/** The pane's root element on the test page. */
export function findPaneRoot(): HTMLElement {
  const root = document.getElementById("app");
  if (root === null) throw new Error("test page has no #app element");
  return root;
}

/** ?lang=en forces the language; otherwise the display language decides, as in Excel. */
export function readRequestedLanguage(): string | undefined {
  return new URLSearchParams(window.location.search).get("lang") ?? undefined;
}
