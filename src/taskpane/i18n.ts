import { translate as translateText, type Catalogue, type FindingCode, type Lang } from "../domain";

// The pane and the report dialog pick their language alike.
export { chooseLanguage } from "../domain";

/** A phrase of the pane (buttons, headings, verdicts): the catalogue's `pane` section. */
export type UiKey = keyof Catalogue["pane"];

/** A pane phrase with `{key}` filled in from `values`. */
export function translate(key: UiKey, lang: Lang, values: Readonly<Record<string, string | number>> = {}): string {
  return translateText("pane", key, lang, values);
}

/** The rule's short title, shown as the group heading above its findings. */
export function formatRuleTitle(code: FindingCode, lang: Lang): string {
  return translateText("ruleTitles", code, lang);
}
