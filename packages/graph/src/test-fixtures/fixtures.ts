import { readFileSync } from "node:fs";
import type { StateMachineDefinition } from "@statecraft/asl";

/**
 * The two workflows the graph tests render. Generated ASL from infra/dist/asl
 * is preferred; until infra has been built, checked-in copies of the same
 * shape are used.
 */
export type FixtureName = "song-lyrics" | "image-upload";

export function loadFixture(name: FixtureName): StateMachineDefinition {
  return JSON.parse(readFileSync(new URL(`./${name}.asl.json`, import.meta.url), "utf8")) as StateMachineDefinition;
}
