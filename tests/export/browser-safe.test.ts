import { promises as fs } from "fs";
import * as path from "path";

/** The pane loads src/export lazily in the browser: no Node built-ins there (the CLI's files live in src/cli). */
const NODE_MODULES = ["fs", "path", "os", "crypto", "child_process", "util", "stream", "buffer", "process", "url", "zlib"];

describe("src/export", () => {
  it("imports no Node built-in modules", async () => {
    const dir = path.join(__dirname, "..", "..", "src", "export");
    const files = (await fs.readdir(dir)).filter((f) => f.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = await fs.readFile(path.join(dir, file), "utf8");
      const imports = [...text.matchAll(/from\s+["']([^"']+)["']|require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2] ?? "");
      const node = imports.filter((spec) => NODE_MODULES.includes(spec.replace(/^node:/, "")));
      expect({ file, node }).toEqual({ file, node: [] });
      const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
      expect({ file, globals: code.match(/\bprocess\.|\bBuffer\b/g) ?? [] }).toEqual({ file, globals: [] });
    }
  });
});
