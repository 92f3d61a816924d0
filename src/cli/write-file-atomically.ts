import { randomBytes } from "crypto";
import { closeSync, promises as fs, openSync, rmSync } from "fs";
import * as path from "path";
import { translate, type Lang } from "../domain";
import { InputError } from "./input-error";

/** Temporary files being written: removed on SIGINT/SIGTERM (see removeTemporaryFiles). */
const temporaryFiles = new Set<string>();

/**
 * Writes a file so that readers never see half of it: the bytes go to a temporary file in the
 * target's directory (same file system, so the rename is atomic) and are renamed into place.
 * A target that cannot be written is unusable input for the CLI (InputError, exit 2).
 * `data` may be chunks (a patched copy is written as the zip's pieces, never joined in memory).
 */
export async function writeFileAtomically(target: string, data: Uint8Array | string | readonly Uint8Array[], lang: Lang = "nl"): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const temp = path.join(dir, `.${path.basename(target).slice(0, 100)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    // Created synchronously and registered in the same turn: a signal handler that runs between
    // any two awaits below finds the file, never one still being created in the background.
    closeSync(openSync(temp, "wx"));
    temporaryFiles.add(temp);
    const handle = await fs.open(temp, "r+");
    try {
      if (typeof data === "string" || data instanceof Uint8Array) await handle.writeFile(data);
      else for (const chunk of data) await handle.write(chunk);
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw new InputError(translate("cli", "cannotWrite", lang, { file: target, reason: describe(error, lang) }));
  } finally {
    temporaryFiles.delete(temp);
  }
}

/** Removes the temporary files still being written (synchronously: called from a signal handler). */
export function removeTemporaryFiles(): void {
  for (const file of temporaryFiles) {
    try {
      rmSync(file, { force: true });
    } catch {
      // Nothing more can be done while the process ends.
    }
  }
  temporaryFiles.clear();
}

function describe(error: unknown, lang: Lang): string {
  if (error && typeof error === "object" && "code" in error && typeof error.code === "string") {
    const code = error.code;
    if (code === "ENOENT") return translate("cli", "reasonNoFolder", lang);
    if (code === "EACCES" || code === "EPERM") return translate("cli", "reasonPermission", lang);
    if (code === "EISDIR") return translate("cli", "reasonIsDirectory", lang);
    if (code === "ENAMETOOLONG") return translate("cli", "nameTooLong", lang);
    return code;
  }
  return error instanceof Error ? error.message : String(error);
}
