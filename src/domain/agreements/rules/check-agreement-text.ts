import type { AgreementRow } from "../agreement";
import { isBlankAfterMarkup } from "../../core/normalise-text";
import { addRowFinding, type RowCheck } from "./row-rule";

/** missing-agreement: the agreement cell is blank (or holds only markup). */
export function checkAgreementText(row: AgreementRow, check: RowCheck): void {
  if (row.agreement === undefined || isBlankAfterMarkup(row.agreement)) {
    addRowFinding(check, row, "missing-agreement", "warning", row.cells.agreement);
  }
}
