import type { AgreementRow } from "../agreement";
import type { NameList } from "../../model/model-index";
import { toMatchKey } from "../../core/normalise-text";
import { addRowFinding, type RowCheck } from "./row-rule";

/**
 * missing-theme, unknown-theme (with the nearest theme), unknown-subtheme: a subtheme is checked
 * against its theme's list, against the theme that was probably meant for a mistyped theme, else
 * against every theme's subthemes.
 */
export function checkThemes(row: AgreementRow, check: RowCheck): void {
  const { index } = check;
  if (row.theme === undefined) {
    addRowFinding(check, row, "missing-theme", "error", row.cells.theme);
    checkSubtheme(row, check, index.allSubthemes);
    return;
  }
  const theme = index.findTheme(row.theme);
  if (theme) {
    checkSubtheme(row, check, index.listSubthemes(theme));
    return;
  }
  const suggestion = index.themeNames.suggest(row.theme);
  addRowFinding(check, row, "unknown-theme", "error", row.cells.theme, { value: row.theme }, suggestion);
  const meant = suggestion === undefined ? undefined : index.findTheme(suggestion);
  checkSubtheme(row, check, meant ? index.listSubthemes(meant) : index.allSubthemes);
}

/** An empty subtheme is fine; so is any subtheme of a theme that lists none. */
function checkSubtheme(row: AgreementRow, check: RowCheck, subthemes: NameList): void {
  if (row.subtheme === undefined || subthemes.keys.size === 0) return;
  if (subthemes.keys.has(toMatchKey(row.subtheme))) return;
  const suggestion = subthemes.suggest(row.subtheme);
  addRowFinding(check, row, "unknown-subtheme", "warning", row.cells.subtheme, { value: row.subtheme, theme: row.theme ?? "" }, suggestion);
}
