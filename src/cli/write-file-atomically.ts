import { randomBytes } from "crypto";
import { promises as fs } from "fs";
import * as path from "path";
import { translate, type Lang } from "../domain";
import { InputError } from "./input-error";

/**
 * Writes a file so that readers never see half of it: the bytes go to a temporary file in the
 * target's directory (same file system, so the rename is atomic) and are renamed into place.
 * A target that cannot be written is unusable input for the CLI (InputError, exit 2).
 */
export async function writeFileAtomically(target: string, data: Uint8Array | string, lang: Lang = "nl"): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await fs.writeFile(temp, data, { flag: "wx" });
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw new InputError(translate("cli", "cannotWrite", lang, { file: target, reason: describe(error, lang) }));
  }
}

function describe(error: unknown, lang: Lang): string {
  if (error && typeof error === "object" && "code" in error && typeof error.code === "string") {
    const code = error.code;
    if (code === "ENOENT") return translate("cli", "reasonNoFolder", lang);
    if (code === "EACCES" || code === "EPERM") return translate("cli", "reasonPermission", lang);
    if (code === "EISDIR") return translate("cli", "reasonIsDirectory", lang);
    return code;
  }
  return error instanceof Error ? error.message : String(error);
}
