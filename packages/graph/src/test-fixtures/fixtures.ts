import { existsSync, readFileSync } from "node:fs";
import type { StateMachineDefinition } from "@statecraft/asl";

/**
 * The two workflows the graph tests render. The ASL that infra generates
 * (`infra/dist/asl/<name>.asl.json`, built before these tests by turbo) is
 * used when it exists; otherwise the checked-in copy of the same shape next
 * to this file (the image-upload workflow until infra generates it).
 */
export type FixtureName = "song-lyrics" | "image-upload";

const generatedDir = new URL("../../../../infra/dist/asl/", import.meta.url);

/** Where a fixture comes from. */
export function generatedFixtureUrl(name: FixtureName): URL {
  return new URL(`${name}.asl.json`, generatedDir);
}

export function checkedInFixtureUrl(name: FixtureName): URL {
  return new URL(`./${name}.asl.json`, import.meta.url);
}

export function loadFixture(name: FixtureName): StateMachineDefinition {
  const generated = generatedFixtureUrl(name);
  const url = existsSync(generated) ? generated : checkedInFixtureUrl(name);
  return JSON.parse(readFileSync(url, "utf8")) as StateMachineDefinition;
}
