import {
  compareWithSnapshot,
  describeChangesSince,
  describeStoplight,
  explainStoplight,
  filterParty,
  formatCellReference,
  formatNumber,
  translate as translateText,
  type Catalogue,
  type CheckComparison,
  type CheckResult,
  type CheckSnapshot,
  type ComparedAgreement,
  type Lang,
  type PartyAgreement,
} from "../domain";
import { el, renderFindingCard } from "./render-pane";

/**
 * The pane's issue-20 sections, kept out of pane.ts (which only wires them): "Waarom deze kleur?"
 * for the agreement on the selected cell, a view per party, and "Wat is er veranderd" since the
 * last Monitoring sheet. All text goes in through `el` (textContent), never as HTML.
 */

export interface InsightsOptions {
  readonly lang: Lang;
  /** Selects a cell in the workbook (the adapter's selectCell). */
  readonly selectCell: (sheet: string, cell: string) => Promise<void>;
  /** Reads the state kept with the last Monitoring sheet (one action, only when the section is opened); absent: no such section. */
  readonly readSnapshot?: () => Promise<CheckSnapshot | undefined>;
  /** Shows an error of one of these sections in the pane's alert area. */
  readonly showError: (error: unknown) => void;
}

export interface InsightsPanel {
  /** The sections to place in the pane, in order. */
  readonly sections: readonly HTMLElement[];
  /** A new check result (explicit or live). */
  update(result: CheckResult): void;
  /** The user selected a cell. */
  select(sheet: string, cell: string): void;
  /** The pane wrote the Monitoring sheet: the state kept with it is new. */
  forgetSnapshot(): void;
}

type InsightKey = keyof Catalogue["insight"];

/** Findings listed per kind in "Wat is er veranderd"; the rest is counted (the list above has them all). */
const LIST_LIMIT = 25;

export function createInsightsPanel(options: InsightsOptions): InsightsPanel {
  const { lang } = options;
  const say = (key: InsightKey, values: Readonly<Record<string, string | number>> = {}): string => translateText("insight", key, lang, values);
  let result: CheckResult | undefined;
  let selected: { sheet: string; cell: string } | undefined;

  // "Waarom deze kleur?": shown only while the selection is on an agreement row.
  const explainBody = el("div", { class: "insight-body" });
  const explainSection = el("section", { class: "insight insight-explain", "aria-labelledby": "insight-explain-heading", hidden: "" }, [
    el("h2", { id: "insight-explain-heading" }, [say("heading")]),
    explainBody,
  ]);

  // Per partij: a party list and that party's agreements in the monitoring year.
  const partySelect = el("select", { id: "insight-party" });
  const partyBody = el("div", { class: "insight-body", "aria-live": "polite" });
  const partySection = el("details", { class: "insight insight-party", hidden: "" }, [
    el("summary", {}, [say("partyHeading")]),
    el("div", { class: "field" }, [el("label", { for: "insight-party" }, [say("partyLabel")]), partySelect]),
    partyBody,
  ]);
  partySelect.addEventListener("change", () => renderParty());

  // Wat is er veranderd: read from the workbook when opened, after each check once.
  const changesBody = el("div", { class: "insight-body", "aria-live": "polite" });
  const changesSection = el("details", { class: "insight insight-changes", hidden: "" }, [el("summary", {}, [say("changesHeading")]), changesBody]);
  let changesFor: CheckResult | undefined;
  // Read once per opening (and after the pane writes a Monitoring sheet), not at every live re-check.
  let snapshotRead: Promise<CheckSnapshot | undefined> | undefined;
  changesSection.addEventListener("toggle", () => {
    if (!changesSection.open) return;
    snapshotRead = undefined;
    changesFor = undefined;
    void renderChanges();
  });

  function update(next: CheckResult): void {
    result = next;
    fillParties(next);
    partySection.hidden = false;
    changesSection.hidden = options.readSnapshot === undefined;
    renderExplanation();
    renderParty();
    if (changesSection.open) void renderChanges();
  }

  function select(sheet: string, cell: string): void {
    selected = { sheet, cell };
    renderExplanation();
  }

  function renderExplanation(): void {
    const explanation = result === undefined || selected === undefined ? undefined : explainStoplight(result, selected.sheet, selected.cell);
    explainSection.hidden = explanation === undefined;
    if (explanation === undefined) {
      explainBody.replaceChildren();
      return;
    }
    const words = describeStoplight(explanation, lang);
    const children: (Node | string)[] = [];
    const status = explanation.status;
    children.push(
      el("p", { class: "insight-status" }, [
        renderSwatch(status?.color),
        el("span", {}, [status?.name ?? say("noStatus")]),
        el("span", { class: "insight-ref" }, [status?.cell === undefined ? translateText("insight", "rowReference", lang, { sheet: explanation.sheet, row: formatNumber(explanation.row, lang) }) : formatCellReference(explanation.sheet, status.cell)]),
      ]),
    );
    children.push(el("ul", { class: "insight-lines" }, words.lines.map((line) => el("li", {}, [line]))));
    if (words.proposal !== undefined) children.push(el("p", { class: "insight-proposal" }, [words.proposal]));
    children.push(el("p", { class: "insight-findings-line" }, [words.findingsLine]));
    if (explanation.findings.length > 0) {
      children.push(el("ul", { class: "finding-list" }, explanation.findings.map((f) => el("li", {}, [renderFindingCard(f, lang, { showSeverity: true })]))));
    }
    explainBody.replaceChildren(...children);
  }

  function fillParties(next: CheckResult): void {
    const previous = partySelect.value;
    const names = next.model.parties.map((p) => p.name);
    partySelect.replaceChildren(el("option", { value: "" }, [say("partyChoose")]), ...names.map((name) => el("option", { value: name }, [name])));
    if (names.includes(previous)) partySelect.value = previous;
  }

  function renderParty(): void {
    const name = partySelect.value;
    const view = result === undefined || name === "" ? undefined : filterParty(result, name);
    if (view === undefined) {
      partyBody.replaceChildren();
      return;
    }
    // The same words as the CLI's --party and the report's party pages.
    const title =
      view.year === null
        ? translateText("party", "titleNoYear", lang, { party: view.party, count: view.agreements.length })
        : translateText("party", "title", lang, { party: view.party, year: view.year, count: view.agreements.length });
    if (view.agreements.length === 0) {
      partyBody.replaceChildren(el("p", { class: "insight-title" }, [title]), el("p", { class: "empty" }, [translateText("party", "none", lang)]));
      return;
    }
    partyBody.replaceChildren(
      el("p", { class: "insight-title" }, [title]),
      el("ul", { class: "insight-agreements" }, view.agreements.map((a) => el("li", {}, [renderPartyAgreement(a)]))),
    );
  }

  function renderPartyAgreement(agreement: PartyAgreement): HTMLElement {
    const color = agreement.status === undefined ? undefined : result?.model.statuses.find((s) => s.name === agreement.status)?.color;
    const lines: (Node | string)[] = [
      el("span", { class: "insight-status" }, [renderSwatch(color), el("span", {}, [agreement.status ?? translateText("party", "noStatus", lang)])]),
      el("span", { class: "insight-agreement" }, [[agreement.theme, agreement.agreement].filter((t) => t !== undefined && t !== "").join(": ")]),
    ];
    if (agreement.via === "group" && agreement.parties !== undefined) lines.push(el("span", { class: "insight-via" }, [say("partyViaGroup", { parties: agreement.parties })]));
    lines.push(el("span", { class: "insight-explanation" }, [agreement.explanation ?? translateText("party", "noExplanation", lang)]));
    if (agreement.findings.length > 0) lines.push(el("span", { class: "insight-findings-line" }, [say("findingsLine", { count: agreement.findings.length })]));
    const cell = agreement.statusCell;
    if (cell === undefined) return el("div", { class: "insight-item" }, lines);
    const button = el("button", { type: "button", class: "insight-item", "data-sheet": agreement.sheet, "data-cell": cell }, lines);
    button.addEventListener("click", () => void options.selectCell(agreement.sheet, cell).catch(options.showError));
    return button;
  }

  async function renderChanges(): Promise<void> {
    const current = result;
    const read = options.readSnapshot;
    if (current === undefined || read === undefined || changesFor === current) return;
    changesFor = current;
    let snapshot: CheckSnapshot | undefined;
    try {
      snapshotRead ??= read();
      snapshot = await snapshotRead;
    } catch (error) {
      changesFor = undefined;
      snapshotRead = undefined;
      options.showError(error);
      return;
    }
    if (result !== current) return;
    if (snapshot === undefined) {
      changesBody.replaceChildren(el("p", { class: "empty" }, [say("changesNoSnapshot")]));
      return;
    }
    const comparison = compareWithSnapshot(snapshot, current, { previous: "Monitoring", current: "" });
    changesBody.replaceChildren(el("p", { class: "insight-title" }, [describeChangesSince(snapshot, comparison, lang)]), ...renderChangeLists(comparison));
  }

  function renderChangeLists(comparison: CheckComparison): HTMLElement[] {
    const lists: HTMLElement[] = [];
    const heading = (key: keyof Catalogue["compare"], count: number): HTMLElement =>
      el("h3", {}, [`${translateText("compare", key, lang)} (${formatNumber(count, lang)})`]);
    const agreementName = (a: ComparedAgreement): string => a.agreement ?? a.theme ?? formatCellReference(a.sheet, a.cell ?? `${a.row}`);
    const item = (text: string, place: ComparedAgreement): HTMLElement => {
      const cell = place.cell;
      if (cell === undefined) return el("li", {}, [text]);
      const button = el("button", { type: "button", class: "insight-item", "data-sheet": place.sheet, "data-cell": cell }, [text]);
      button.addEventListener("click", () => void options.selectCell(place.sheet, cell).catch(options.showError));
      return el("li", {}, [button]);
    };
    for (const kind of ["worse", "other", "better"] as const) {
      const changes = comparison.statusChanges.filter((c) => c.change === kind);
      if (changes.length === 0) continue;
      lists.push(
        heading(kind, changes.length),
        el(
          "ul",
          { class: "insight-changes-list" },
          changes.map((c) =>
            item(say("statusChange", { agreement: agreementName(c.current), from: c.from ?? say("noStatus"), to: c.to ?? say("noStatus") }), c.current),
          ),
        ),
      );
    }
    if (comparison.agreements.added.length > 0) {
      lists.push(heading("added", comparison.agreements.added.length), el("ul", { class: "insight-changes-list" }, comparison.agreements.added.map((a) => item(agreementName(a), a))));
    }
    if (comparison.agreements.removed.length > 0) {
      lists.push(
        heading("removed", comparison.agreements.removed.length),
        el("ul", { class: "insight-changes-list" }, comparison.agreements.removed.map((a) => el("li", {}, [agreementName(a)]))),
      );
    }
    for (const [key, findings] of [
      ["newFindings", comparison.findings.new],
      ["solvedFindings", comparison.findings.solved],
    ] as const) {
      if (findings.length === 0) continue;
      lists.push(
        heading(key, findings.length),
        el(
          "ul",
          { class: "insight-changes-list" },
          [
            ...findings.slice(0, LIST_LIMIT).map((f) => el("li", {}, [`${f.cell === undefined ? f.sheet : formatCellReference(f.sheet, f.cell)}: ${f.message}`])),
            ...(findings.length > LIST_LIMIT ? [el("li", { class: "empty" }, [say("more", { count: findings.length - LIST_LIMIT })])] : []),
          ],
        ),
      );
    }
    return lists;
  }

  function forgetSnapshot(): void {
    snapshotRead = undefined;
    changesFor = undefined;
    if (changesSection.open) void renderChanges();
  }

  return { sections: [explainSection, partySection, changesSection], update, select, forgetSnapshot };
}

/** A stoplight dot; colour set through CSSOM because the CSP forbids inline style attributes. */
function renderSwatch(color: string | undefined): HTMLElement {
  const swatch = el("span", { class: "swatch", "aria-hidden": "true" });
  swatch.style.backgroundColor = color ?? "#d1d1d1";
  return swatch;
}
