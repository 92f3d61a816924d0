import { z } from "zod";

/**
 * The theme/party model every row is validated against. The built-in default is Stadskanaal's
 * (default-model.ts); a workbook's `Model` sheet replaces parts of it (read-model-sheet.ts).
 */

export const PARTY_KINDS = ["gemeente", "corporatie", "huurdersorganisatie", "partner"] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export const CHECK_OPERATORS = ["=", "<=", ">="] as const;
export type CheckOperator = (typeof CHECK_OPERATORS)[number];

/*
 * Every schema is wrapped in z.lazy: it is built on first use, not when the module loads. Only a
 * Model sheet (or --model) needs them, and building them was a visible share of the CLI's start-up.
 */
const buildNameSchema = () => z.string().trim().min(1);

export const themeSchema = z.lazy(() =>
  z.object({
    name: buildNameSchema(),
    subthemes: z.array(buildNameSchema()),
    aliases: z.array(buildNameSchema()),
  }),
);

export const partySchema = z.lazy(() =>
  z.object({
    name: buildNameSchema(),
    kind: z.enum(PARTY_KINDS),
    aliases: z.array(buildNameSchema()),
  }),
);

export const statusSchema = z.lazy(() =>
  z.object({
    /** Canonical status word kept in the cell, e.g. "groen". */
    name: buildNameSchema(),
    meaning: z.string(),
    /** "#RRGGBB" */
    color: z.string().regex(/^#[0-9A-Fa-f]{6}$/),
    needsExplanation: z.boolean(),
    synonyms: z.array(buildNameSchema()),
  }),
);

export const operandSchema = z.lazy(() =>
  z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("number"), value: z.number().finite() }),
    z.object({
      kind: z.literal("ref"),
      /** Table number as written after "Tabel", e.g. "1" or "8". */
      table: buildNameSchema(),
      row: buildNameSchema(),
      column: buildNameSchema(),
    }),
  ]),
);

export const crossCheckSchema = z.lazy(() =>
  z.object({
    /** The Controle as the coordinator wrote it, for messages. */
    label: z.string(),
    left: operandSchema,
    operator: z.enum(CHECK_OPERATORS),
    right: operandSchema,
    tolerance: z.number().finite().nonnegative(),
    /** Where the Controle row is on the Model sheet (for invalid-model findings). */
    source: z.object({ sheet: z.string(), cell: z.string() }).optional(),
  }),
);

export const settingsSchema = z.lazy(() =>
  z.object({
    monitoringYear: z.number().int().min(1900).max(2200).optional(),
    municipality: z.string().optional(),
    /** `Drempel groen`: the share of a target (percent, 0–100) below which groen/afgerond contradicts the numbers. */
    greenThreshold: z.number().min(0).max(100).optional(),
    /** `Drempel oranje`: the share (percent) below which the numbers point at rood rather than oranje. */
    orangeThreshold: z.number().min(0).max(100).optional(),
  }),
);

export const modelSchema = z.lazy(() =>
  z.object({
    themes: z.array(themeSchema).min(1),
    parties: z.array(partySchema).min(1),
    statuses: z.array(statusSchema).min(1),
    settings: settingsSchema,
    crossChecks: z.array(crossCheckSchema),
    /** Where the model came from: the built-in default, or a Model sheet (which blocks). */
    source: z.object({
      kind: z.enum(["default", "sheet", "learned"]),
      sheet: z.string().optional(),
      blocks: z.array(z.string()),
    }),
  }),
);

export type ThemeDef = z.infer<typeof themeSchema>;
export type PartyDef = z.infer<typeof partySchema>;
export type StatusDef = z.infer<typeof statusSchema>;
export type CheckOperand = z.infer<typeof operandSchema>;
export type CrossCheckDef = z.infer<typeof crossCheckSchema>;
export type ModelSettings = z.infer<typeof settingsSchema>;
export type Model = z.infer<typeof modelSchema>;
