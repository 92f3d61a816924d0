"use strict";
/**
 * The production build's URL: where IT hosts the add-in's files. The production build refuses to
 * run without it (a manifest pointing at a placeholder would install an add-in that never loads).
 */

const DEV_URL = "https://localhost:3000/";

/** The PRODUCTION_URL (https, ending in "/"), or an Error saying what is wrong. */
function readProductionUrl(environment) {
  const raw = (environment.PRODUCTION_URL ?? "").trim();
  if (raw === "") {
    return new Error("PRODUCTION_URL is not set: the production build needs the https address the add-in's files are hosted at, e.g. PRODUCTION_URL=https://addins.example.org/prestatiemonitor/ npm run build");
  }
  let url;
  try {
    url = new URL(raw);
  } catch {
    return new Error(`PRODUCTION_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== "https:") return new Error(`PRODUCTION_URL must be https (Office loads add-ins over https only): ${raw}`);
  if (url.hostname === "localhost" || url.hostname.endsWith(".example") || url.hostname === "example.com") {
    return new Error(`PRODUCTION_URL is a development or placeholder address: ${raw}`);
  }
  return raw.endsWith("/") ? raw : `${raw}/`;
}

/** The manifest with every development URL pointing at the production URL instead. */
function rewriteManifest(content, productionUrl) {
  return content.split(DEV_URL).join(productionUrl);
}

module.exports = { DEV_URL, readProductionUrl, rewriteManifest };
