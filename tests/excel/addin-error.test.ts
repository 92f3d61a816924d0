import { AddinError } from "../../src/excel/addin-error";

describe("AddinError", () => {
  it("reads in the pane's language from the catalogue, and in English as its message", () => {
    const error = new AddinError("sheet-missing", "sheetGone", { sheet: "Afspraken" }, "Afspraken");
    expect(error.describe("nl")).toBe("Het werkblad 'Afspraken' bestaat niet meer.");
    expect(error.describe("en")).toBe("The sheet 'Afspraken' no longer exists.");
    expect(error.message).toBe(error.describe("en"));
    expect(error.sheet).toBe("Afspraken");
  });
});
