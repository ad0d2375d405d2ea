import * as z from "zod";
import { LyricsOutput, NameInput, SongOutput } from "./seed.js";

/** Every contract, by name: the source of the published JSON Schemas. */
export const contracts = { NameInput, SongOutput, LyricsOutput } as const;

/** A JSON Schema (draft 2020-12) as produced by `z.toJSONSchema`. */
export type JsonSchema = z.core.JSONSchema.BaseSchema;

/** JSON Schema of a contract, for what it accepts (`io: "input"`). */
export function inputJsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: "input" });
}

/** JSON Schema of a contract, for what it produces (`io: "output"`). */
export function outputJsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: "output" });
}

/** JSON Schemas of every contract (what each accepts). */
export const jsonSchemas: Record<keyof typeof contracts, JsonSchema> = {
  NameInput: inputJsonSchema(NameInput),
  SongOutput: inputJsonSchema(SongOutput),
  LyricsOutput: inputJsonSchema(LyricsOutput),
};
