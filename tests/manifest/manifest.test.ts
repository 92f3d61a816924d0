import { execFile } from "child_process";
import { existsSync, promises as fs, readdirSync, readFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { inflateSync } from "zlib";

/**
 * The add-in manifest: valid against Microsoft's XSDs (offline, with the same script as
 * `validate:offline`), icons present at the sizes the manifest promises, every URL on the dev
 * server, every resid defined.
 */

const run = promisify(execFile);
const ROOT = path.join(__dirname, "..", "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const SCHEMAS = path.join(ROOT, "..", "shared", "office-manifest-schemas");
const VALIDATOR = path.join(ROOT, "scripts", "validate-manifest.js");
const DEV_ORIGIN = "https://localhost:3000";

const manifest = readFileSync(MANIFEST, "utf8");
/** The manifest without XML comments, for the content checks. */
const elements = manifest.replace(/<!--[\s\S]*?-->/g, "");

async function validate(file: string): Promise<{ code: number; stderr: string }> {
  try {
    await run(process.execPath, [VALIDATOR, file, "--schemas", SCHEMAS]);
    return { code: 0, stderr: "" };
  } catch (error) {
    const failed = error as { code?: number; stderr?: string };
    return { code: failed.code ?? -1, stderr: failed.stderr ?? "" };
  }
}

function readPngSize(fileOrBytes: string | Buffer): { width: number; height: number } {
  const bytes = typeof fileOrBytes === "string" ? readFileSync(fileOrBytes) : fileOrBytes;
  expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** RGBA pixels of an 8-bit, non-interlaced RGB or RGBA PNG (all five scanline filters). */
function decodePng(bytes: Buffer): [number, number, number, number][] {
  const { width, height } = readPngSize(bytes);
  const colourType = bytes[25];
  const channels = colourType === 6 ? 4 : colourType === 2 ? 3 : 0;
  expect(bytes[24]).toBe(8);
  expect(channels).toBeGreaterThan(0);
  const idat: Buffer[] = [];
  for (let offset = 8; offset < bytes.length; ) {
    const length = bytes.readUInt32BE(offset);
    if (bytes.subarray(offset + 4, offset + 8).toString("ascii") === "IDAT") idat.push(bytes.subarray(offset + 8, offset + 8 + length));
    offset += length + 12;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x += 1) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= channels ? (out[y * stride + x - channels] ?? 0) : 0;
      const up = y > 0 ? (out[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= channels && y > 0 ? (out[(y - 1) * stride + x - channels] ?? 0) : 0;
      const p = left + up - upLeft;
      const paeth =
        Math.abs(p - left) <= Math.abs(p - up) && Math.abs(p - left) <= Math.abs(p - upLeft) ? left : Math.abs(p - up) <= Math.abs(p - upLeft) ? up : upLeft;
      const predictor = [0, left, up, (left + up) >> 1, paeth][filter ?? 0] ?? 0;
      out[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  const pixels: [number, number, number, number][] = [];
  for (let i = 0; i < out.length; i += channels) {
    pixels.push([out[i] ?? 0, out[i + 1] ?? 0, out[i + 2] ?? 0, channels === 4 ? (out[i + 3] ?? 0) : 255]);
  }
  return pixels;
}

/** The local file an asset URL of the dev server stands for. */
function assetPath(url: string): string {
  return path.join(ROOT, new URL(url).pathname);
}

function attributeValues(xml: string, attribute: string): string[] {
  return [...xml.matchAll(new RegExp(`\\s${attribute}="([^"]*)"`, "g"))].map((m) => m[1] ?? "");
}

describe("manifest.xml against the XSD schemas", () => {
  const haveSchemas = existsSync(path.join(SCHEMAS, "OfficeAppManifestV1_1.xsd"));
  if (!haveSchemas && !process.env["CI"]) {
    console.warn(`SKIPPED manifest XSD validation: schema folder ../shared/office-manifest-schemas is missing (set CI to make this a failure)`);
    it.skip("validates", () => undefined);
    return;
  }

  it("validates", async () => {
    const outcome = await validate(MANIFEST);
    expect(outcome.stderr).toBe("");
    expect(outcome.code).toBe(0);
  }, 30_000);

  it("rejects a broken copy (so the validation above can fail)", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "pm-manifest-"));
    const broken = path.join(dir, "manifest.xml");
    // Permissions moved before Hosts: the schema's element order is violated.
    const reordered = manifest
      .replace("<Permissions>ReadWriteDocument</Permissions>", "")
      .replace("<Hosts>", "<Permissions>ReadWriteDocument</Permissions>\n  <Hosts>");
    await fs.writeFile(broken, reordered);
    const outcome = await validate(broken);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toMatch(/Permissions|not expected/);
    await fs.writeFile(broken, manifest.replace("ReadWriteDocument", "WriteEverything"));
    expect((await validate(broken)).code).toBe(1);
    await fs.rm(dir, { recursive: true, force: true });
  }, 30_000);
});

describe("manifest.xml content", () => {
  it("points every URL at the dev server", () => {
    const urls = [...elements.matchAll(/https?:\/\/[^"\s<]+/g)]
      .map((m) => m[0])
      .filter((u) => !u.startsWith("http://schemas.microsoft.com/") && !u.startsWith("http://www.w3.org/"));
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith(`${DEV_ORIGIN}/`)).toBe(true);
  });

  it("defines every resid it uses, and uses every resource it defines", () => {
    const used = new Set(attributeValues(manifest, "resid"));
    const defined = new Set(
      [...manifest.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1] ?? ""),
    );
    expect(used.size).toBeGreaterThan(5);
    for (const id of used) expect(defined).toContain(id);
    for (const id of defined) expect(used).toContain(id);
  });

  it("references icon files that exist at the promised pixel sizes", () => {
    const appIcons: [RegExp, number][] = [
      [/<IconUrl DefaultValue="([^"]+)"/, 64],
      [/<HighResolutionIconUrl DefaultValue="([^"]+)"/, 128],
    ];
    for (const [pattern, size] of appIcons) {
      const url = pattern.exec(manifest)?.[1];
      expect(url).toBeDefined();
      expect(readPngSize(assetPath(url ?? ""))).toEqual({ width: size, height: size });
    }
    const ribbon = [...manifest.matchAll(/<bt:Image id="Icon\.(\d+)x\1" DefaultValue="([^"]+)"/g)];
    expect(ribbon.map((m) => Number(m[1]))).toEqual([16, 32, 80]);
    for (const m of ribbon) {
      const size = Number(m[1]);
      expect(readPngSize(assetPath(m[2] ?? ""))).toEqual({ width: size, height: size });
    }
  });

  it("has icons that show a stoplight (red, orange and green), not a blank square", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      const pixels = decodePng(readFileSync(path.join(ROOT, "assets", `icon-${size}.png`)));
      const has = (test: (r: number, g: number, b: number) => boolean): boolean => pixels.some(([r, g, b, a]) => a > 200 && test(r, g, b));
      expect(has((r, g, b) => r > 180 && g < 90 && b < 90)).toBe(true);
      expect(has((r, g, b) => r > 220 && g > 110 && g < 170 && b < 60)).toBe(true);
      expect(has((r, g, b) => r < 60 && g > 100 && b < 60)).toBe(true);
      expect(pixels.some(([, , , a]) => a < 20)).toBe(true);
    }
  });

  it("is a Workbook task pane with a Home-tab button that shows the pane", () => {
    expect(manifest).toContain('xsi:type="TaskPaneApp"');
    expect(manifest).toContain('<Host Name="Workbook"/>');
    expect(manifest).toContain("<Permissions>ReadWriteDocument</Permissions>");
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1\.\d+"\/>/);
    expect(manifest).toMatch(/<OfficeTab id="TabHome">[\s\S]*<Action xsi:type="ShowTaskpane">/);
    expect(manifest).toContain(`<SourceLocation DefaultValue="${DEV_ORIGIN}/taskpane.html"/>`);
    expect(manifest).toMatch(/<DefaultLocale>nl-NL<\/DefaultLocale>/);
    expect(manifest).toMatch(/<Override Locale="en-US"/);
  });
});

/**
 * Office.js members and the ExcelApi 1.x set that introduced them, as the minor version
 * (Microsoft's requirement-set tables). Not every API: the ones an adapter like ours reaches for, so that using a newer one
 * without raising the manifest's requirement fails here rather than in an older Excel.
 */
const API_MINOR_VERSIONS: readonly [RegExp, number][] = [
  [/\.insertWorksheetsFromBase64\(/, 13],
  [/\.getMergedAreasOrNullObject\(/, 13],
  [/\.comments\b/, 10],
  [/\.onSingleClicked\b/, 10],
  [/\.getSpecialCells(OrNullObject)?\(/, 9],
  [/\.(get|set)CellProperties\(/, 9],
  [/\.onFormatChanged\b/, 9],
  [/\.getRangeAreas\(/, 9],
  [/\.createWorkbook\(/, 8],
  [/\.dataValidation\b/, 8],
  [/\.onChanged\b/, 7],
  [/\.onSelectionChanged\b/, 7],
  [/\.getRangeByIndexes\(/, 7],
  [/\.freezePanes\b/, 7],
  [/\.hyperlink\b/, 7],
  [/\.conditionalFormats\b/, 6],
];

describe("manifest.xml requirement set", () => {
  it("asks for at least the ExcelApi version the adapter uses", () => {
    const declared = /<Set Name="ExcelApi" MinVersion="1\.(\d+)"\/>/.exec(manifest)?.[1];
    expect(declared).toBeDefined();
    const excelDir = path.join(ROOT, "src", "excel");
    const sources = readdirSync(excelDir)
      .filter((f) => f.endsWith(".ts"))
      .map((f) => readFileSync(path.join(excelDir, f), "utf8"));
    // A file that asks isSetSupported for the newer set guards its use of it (a fallback on older hosts).
    const used = API_MINOR_VERSIONS.filter(([pattern, minor]) =>
      sources.some((source) => pattern.test(source) && !source.includes(`isSetSupported("ExcelApi", "1.${minor}")`)),
    );
    expect(used.length).toBeGreaterThan(0);
    const needed = Math.max(...used.map(([, minor]) => minor));
    expect(Number(declared)).toBeGreaterThanOrEqual(needed);
  });
});
