import type { AgreementRow } from "../agreement";
import { stripMarkup } from "../../core/normalise-text";
import { parseParties } from "../parse-parties";
import { addRowFinding, type RowCheck } from "./row-rule";

/** missing-party, party-separator (known names run together), unknown-party (with the nearest name). */
export function checkParties(row: AgreementRow, check: RowCheck): void {
  const text = row.partiesText === undefined ? "" : stripMarkup(row.partiesText);
  if (text === "") {
    addRowFinding(check, row, "missing-party", "error", row.cells.parties);
    return;
  }
  const reading = parseParties(text, check.index.model.parties);
  for (const part of reading.joined) {
    addRowFinding(
      check,
      row,
      "party-separator",
      "warning",
      row.cells.parties,
      { value: part.value, first: part.first, second: part.second },
      part.suggestion,
    );
  }
  for (const part of reading.unknown) {
    addRowFinding(check, row, "unknown-party", "error", row.cells.parties, { value: part.value }, part.suggestion);
  }
}
