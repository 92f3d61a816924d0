/**
 * The texts of help.html, from the catalogue (src/domain/findings/locales), for the build: the
 * page is static (its CSP allows no script), so webpack fills its template with both languages.
 */
const fs = require("fs");
const Module = require("module");
const path = require("path");
const ts = require("typescript");

const LOCALES = path.join(__dirname, "..", "src", "domain", "findings", "locales");

/** A locale file compiled in memory: it imports only types, so it stands on its own. */
function loadLocale(file, exportName) {
  const source = fs.readFileSync(path.join(LOCALES, file), "utf8");
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } });
  const module = new Module(path.join(LOCALES, file));
  module._compile(outputText, path.join(LOCALES, file));
  return module.exports[exportName];
}

function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** One language's texts as HTML: escaped, with the menu path and button names in bold. */
function renderLanguage(catalogue) {
  const bold = { start: catalogue.help.startPath, check: catalogue.pane.check, clear: catalogue.pane.clear };
  const intro = escapeHtml(catalogue.help.intro).replace(/\{(\w+)\}/g, (whole, name) =>
    bold[name] === undefined ? whole : `<strong>${escapeHtml(bold[name])}</strong>`,
  );
  return { title: escapeHtml(catalogue.help.title), heading: escapeHtml(catalogue.help.heading), intro };
}

/** Both languages of the help page, ready for its template. */
function buildHelpTexts() {
  return { nl: renderLanguage(loadLocale("nl.ts", "NL")), en: renderLanguage(loadLocale("en.ts", "EN")) };
}

module.exports = { buildHelpTexts };
