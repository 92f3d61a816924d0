/**
 * A date-formatted number as the text Excel shows for it. A user who types "1-2" in a Status
 * column gets a date from Excel (1 February, shown "1-feb"); `Range.values` and the file hold the
 * serial number (46054), which no reader of the workbook would recognise as what they typed.
 * Text fields read such a cell as its shown text; numbers elsewhere stay numbers.
 */

const MS_PER_DAY = 86_400_000;
/** Excel's day zero for serials from 61 on (1900 date system; serial 60 is Lotus' 29 Feb 1900). */
const EPOCH_MS = Date.UTC(1899, 11, 30);
const MONTHS_NL = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
const MONTHS_SHORT_NL = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS_NL = ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"];
const DAYS_SHORT_NL = ["zo", "ma", "di", "wo", "do", "vr", "za"];
const DAYS_EN = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
/**
 * Built-in format 14 ("mm-dd-yy" in the file's table) is shown in the system's short date, which
 * for the Dutch workbooks this tool reads is d-m-yyyy.
 */
const SYSTEM_SHORT_DATE = "mm-dd-yy";
const DUTCH_SHORT_DATE = "d-m-yyyy";
/** Locale tags of English (LCID 0x409 US, 0x809 UK, ...): month and day names in English. */
const ENGLISH_LOCALE = /\[\$[^\]]*-(?:[0-9a-f]?)09\]/i;

type Token = { kind: "literal"; text: string } | { kind: "code"; text: string };

/** True when `format` shows a number as a date or time (its first section has d, m, y, h or s codes). */
export function isDateFormat(format: string): boolean {
  if (format === "" || format === "General" || format === "@") return false;
  let known = DATE_FORMATS.get(format);
  if (known === undefined) {
    known = tokenise(firstSection(format)).some((t) => t.kind === "code" && /^[dmyhs]/i.test(t.text));
    // A workbook has a handful of formats; the cap only guards against a pathological one.
    if (DATE_FORMATS.size < 1000) DATE_FORMATS.set(format, known);
  }
  return known;
}

/** isDateFormat's answers per format code: a column of numbers asks for the same few formats. */
const DATE_FORMATS = new Map<string, boolean>();

/** The text Excel shows for `serial` in `format`, or undefined when the format is not a date format. */
export function formatDateSerial(serial: number, format: string): string | undefined {
  if (!Number.isFinite(serial) || serial < 0 || serial >= 2_958_466 || !isDateFormat(format)) return undefined;
  const section = firstSection(format === SYSTEM_SHORT_DATE ? DUTCH_SHORT_DATE : format);
  const english = ENGLISH_LOCALE.test(section);
  const tokens = tokenise(section);
  // Serials below 61 count from 31 Dec 1899 (Excel keeps Lotus' 29 Feb 1900); whole seconds, rounded as Excel shows them.
  const days = Math.floor(serial);
  const seconds = Math.round((serial - days) * 86_400);
  const date = new Date((serial < 61 ? EPOCH_MS + MS_PER_DAY : EPOCH_MS) + days * MS_PER_DAY + seconds * 1000);
  const twelveHour = tokens.some((t) => t.kind === "code" && /^(AM\/PM|A\/P)$/i.test(t.text));
  const pad = (n: number): string => String(n).padStart(2, "0");
  let out = "";
  tokens.forEach((token, i) => {
    if (token.kind === "literal") {
      out += token.text;
      return;
    }
    const code = token.text.toLowerCase();
    const month = date.getUTCMonth();
    const hours = date.getUTCHours();
    switch (code[0]) {
      case "y":
        out += code.length <= 2 ? pad(date.getUTCFullYear() % 100) : String(date.getUTCFullYear());
        break;
      case "d": {
        const day = date.getUTCDay();
        if (code.length >= 4) out += (english ? DAYS_EN : DAYS_NL)[day];
        else if (code.length === 3) out += english ? (DAYS_EN[day] ?? "").slice(0, 3) : DAYS_SHORT_NL[day];
        else out += code.length === 2 ? pad(date.getUTCDate()) : String(date.getUTCDate());
        break;
      }
      case "m":
        if (isMinute(tokens, i)) out += code.length >= 2 ? pad(date.getUTCMinutes()) : String(date.getUTCMinutes());
        else if (code.length >= 5) out += ((english ? MONTHS_EN : MONTHS_NL)[month] ?? "").slice(0, 1);
        else if (code.length === 4) out += (english ? MONTHS_EN : MONTHS_NL)[month];
        else if (code.length === 3) out += english ? (MONTHS_EN[month] ?? "").slice(0, 3) : MONTHS_SHORT_NL[month];
        else out += code.length === 2 ? pad(month + 1) : String(month + 1);
        break;
      case "h": {
        const shown = twelveHour ? hours % 12 || 12 : hours;
        out += code.length >= 2 ? pad(shown) : String(shown);
        break;
      }
      case "s":
        out += code.length >= 2 ? pad(date.getUTCSeconds()) : String(date.getUTCSeconds());
        break;
      default:
        // AM/PM and A/P.
        out += code.includes("/") && code.length > 3 ? (hours < 12 ? "AM" : "PM") : hours < 12 ? "A" : "P";
    }
  });
  return out;
}

/** "m" is minutes right after an hour code or right before a seconds code (Excel's rule). */
function isMinute(tokens: readonly Token[], at: number): boolean {
  const neighbour = (step: number): string | undefined => {
    for (let i = at + step; i >= 0 && i < tokens.length; i += step) {
      const token = tokens[i] as Token;
      if (token.kind === "code") return token.text.toLowerCase();
    }
    return undefined;
  };
  return neighbour(-1)?.startsWith("h") === true || neighbour(1)?.startsWith("s") === true;
}

function firstSection(format: string): string {
  let inQuote = false;
  for (let i = 0; i < format.length; i += 1) {
    const ch = format[i];
    if (ch === "\\") i += 1;
    else if (ch === '"') inQuote = !inQuote;
    else if (ch === ";" && !inQuote) return format.slice(0, i);
  }
  return format;
}

/** Date codes and literal text; colours, conditions and locale tags ([...]) show nothing. */
function tokenise(section: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < section.length) {
    const ch = section[i] as string;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      tokens.push({ kind: "literal", text: section.slice(i + 1, end < 0 ? section.length : end) });
      i = end < 0 ? section.length : end + 1;
    } else if (ch === "\\") {
      tokens.push({ kind: "literal", text: section[i + 1] ?? "" });
      i += 2;
    } else if (ch === "[") {
      const end = section.indexOf("]", i);
      i = end < 0 ? section.length : end + 1;
    } else if (/^(AM\/PM|A\/P)/i.test(section.slice(i))) {
      const text = /^AM\/PM/i.test(section.slice(i)) ? section.slice(i, i + 5) : section.slice(i, i + 3);
      tokens.push({ kind: "code", text });
      i += text.length;
    } else if (/[dmyhs]/i.test(ch)) {
      let j = i;
      while (j < section.length && (section[j] as string).toLowerCase() === ch.toLowerCase()) j += 1;
      tokens.push({ kind: "code", text: section.slice(i, j) });
      i = j;
    } else if (ch === "_" || ch === "*") {
      // A space as wide as the next character, or a fill: shown as nothing here.
      i += 2;
    } else {
      tokens.push({ kind: "literal", text: ch });
      i += 1;
    }
  }
  return tokens;
}
