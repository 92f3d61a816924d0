// ESLint flat config: typescript-eslint plus the Office add-in rules (load before read, no sync
// in loops), and the house boundaries: src/domain is pure, only src/excel touches Office.js,
// adapters import the domain through src/domain/index.ts, and no module imports itself in a cycle.
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import { importX, createNodeResolver } from "eslint-plugin-import-x";

const officeRules = {
  "office-addins/call-sync-after-load": "error",
  "office-addins/call-sync-before-read": "error",
  "office-addins/load-object-before-read": "error",
  "office-addins/no-context-sync-in-loop": "error",
  "office-addins/no-empty-load": "warn",
  "office-addins/no-navigational-load": "warn",
  "office-addins/no-office-initialize": "warn",
  "office-addins/test-for-null-using-isNullObject": "error",
};

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "out/", "coverage/", "bin/", "**/*.js", "**/*.mjs"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: {
      ...officeRules,
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/**/*.ts"],
    ignores: ["src/excel/**", "src/commands/**"],
    rules: {
      "no-restricted-globals": ["error", "Excel", "Office"],
    },
  },
  {
    // Adapters see the engine through its one front door.
    files: ["src/**/*.ts", "bench/**/*.ts"],
    ignores: ["src/domain/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/domain/*", "!**/domain/index"], message: "Import the domain only through src/domain/index.ts." }] },
      ],
    },
  },
  {
    // No import cycle anywhere in the code we ship or measure: a cycle hides which module is
    // the lower layer, and its modules can see each other half-initialised.
    files: ["src/**/*.ts", "bench/**/*.ts"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/extensions": [".ts", ".js"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts"] },
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".js", ".json"] })],
    },
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
  },
  // src/domain is pure: only zod, entities (HTML entity decoding) and its own modules. Each depth gets the ../ that would leave it.
  ...[
    ["src/domain/*.ts", "../**"],
    ["src/domain/*/*.ts", "../../**"],
    ["src/domain/*/*/*.ts", "../../../**"],
  ].map(([files, outside]) => ({
    files: [files],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "^(?!zod$|entities$|\\.{1,2}/).*", message: "src/domain is pure: import only zod, entities and domain modules." },
            { group: [outside], message: "src/domain must not import from outside src/domain." },
          ],
        },
      ],
      "no-restricted-globals": ["error", "Excel", "Office", "document", "window", "process", "require", "fetch"],
    },
  })),

);
