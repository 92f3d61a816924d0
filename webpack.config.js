/**
 * Builds the add-in: the task pane (taskpane.html + taskpane.js), the ribbon's FunctionFile
 * (commands.html), icons, help page and manifest.
 *
 *   webpack --mode production            -> dist/, manifest URLs rewritten to PRODUCTION_URL,
 *                                           content-hashed scripts and stylesheet (no stale caches)
 *   webpack --mode development           -> dist/, dev URLs (https://localhost:3000)
 *   webpack serve --mode development     -> https dev server on port 3000 (office-addin-dev-certs)
 *
 * Environment:
 *   PRODUCTION_URL  where the production build is hosted (https). Required for --mode production:
 *                   the build refuses without it (see docs/DEPLOY.md).
 *   OUT_DIR         output folder (default dist)
 *   TEST_HOST=1     test build for the browser tests: adds test-host.html (the pane on the real
 *                   adapter over the in-memory Excel host), loads office.js from /office-js/ (a local copy of
 *                   @microsoft/office-js/dist served by the test) and skips the type-check plugin
 *                   (the tests typecheck separately; this keeps the suite fast).
 */
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const CopyWebpackPlugin = require("copy-webpack-plugin");
const ForkTsCheckerWebpackPlugin = require("fork-ts-checker-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { readProductionUrl, rewriteManifest } = require("./scripts/production-url");
const { buildHelpTexts } = require("./scripts/help-page");

const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";
const STYLESHEET = path.join(__dirname, "src", "taskpane", "taskpane.css");

/** The stylesheet's file name: content-hashed in production (the HTML pages are what IT serves uncached). */
function nameStylesheet(production) {
  if (!production) return "taskpane.css";
  const hash = crypto.createHash("sha256").update(fs.readFileSync(STYLESHEET)).digest("hex").slice(0, 8);
  return `taskpane.${hash}.css`;
}

/** Dev-server HTTPS options; the certificates are only needed (and created) when serving. */
async function readHttpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  return devCerts.getHttpsServerOptions();
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const testHost = process.env.TEST_HOST === "1" || env.TEST_HOST === "1";
  const serving = Boolean(env.WEBPACK_SERVE);
  const productionUrl = production ? readProductionUrl({ ...process.env, ...env }) : undefined;
  if (productionUrl instanceof Error) throw productionUrl;
  const stylesheet = nameStylesheet(production);
  const officeJs = testHost ? "office-js/office.js" : OFFICE_JS_CDN;
  // In test builds office.js comes from our own origin, which 'self' already allows.
  const officeOrigin = testHost ? "" : OFFICE_JS_ORIGIN;

  const entry = {};
  const pages = [];
  const addPage = (name, source, template) => {
    entry[name] = source;
    pages.push(new HtmlWebpackPlugin({ filename: `${name}.html`, template, chunks: [name], officeJs, officeOrigin, stylesheet }));
  };
  addPage("taskpane", "./src/taskpane/taskpane.ts", "./src/taskpane/taskpane.html");
  addPage("commands", "./src/commands/commands.ts", "./src/commands/commands.html");
  // Excel on Mac: the report is shown in an Office dialog (a download link does nothing there).
  addPage("report-dialog", "./src/excel/report-dialog-page.ts", "./src/taskpane/taskpane.html");
  if (testHost) addPage("test-host", "./tests/system/pane/host-entry.ts", "./src/taskpane/taskpane.html");
  // The help page: static, no script; its words come from the catalogue at build time.
  pages.push(
    new HtmlWebpackPlugin({ filename: "help.html", template: "./src/taskpane/help.html", chunks: [], inject: false, stylesheet, help: buildHelpTexts() }),
  );

  return {
    mode: production ? "production" : "development",
    // No eval-based source maps: the pane's CSP forbids eval.
    devtool: production ? "source-map" : "cheap-module-source-map",
    entry,
    output: {
      path: path.resolve(__dirname, process.env.OUT_DIR ?? "dist"),
      // Hashed names in production: after an update Office's cache cannot serve an old script.
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          // ES modules so webpack can split the dynamic import() of the export code into its own chunk.
          options: { transpileOnly: true, compilerOptions: { module: "es2020", sourceMap: true } },
        },
        {
          // The domain is pure (docs/ARCHITECTURE.md): no module of it does anything on import, so a
          // bundle keeps only what it uses of the barrel src/domain/index.ts. The pane's first script
          // then holds the pieces the pane calls, not the engine its worker runs.
          test: /[\\/]src[\\/]domain[\\/].*\.ts$/,
          sideEffects: false,
        },
      ],
    },
    performance: {
      // exceljs (the export chunk) is large by nature and only loads when the user exports.
      hints: false,
    },
    plugins: [
      ...pages,
      ...(testHost ? [] : [new ForkTsCheckerWebpackPlugin({
              typescript: { configFile: "tsconfig.json" },
              // Only what the bundle holds; the CLI, tests and benchmarks are checked by npm run typecheck.
              issue: {
                include: ["taskpane", "commands", "excel", "domain", "export"].map((dir) => ({ file: `src/${dir}/**/*.ts` })),
              },
            })]),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: stylesheet },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return typeof productionUrl === "string" ? rewriteManifest(content.toString(), productionUrl) : content;
            },
          },
        ],
      }),
    ],
    devServer: serving
      ? {
          port: 3000,
          hot: false,
          liveReload: true,
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: await readHttpsOptions() },
        }
      : undefined,
  };
};
