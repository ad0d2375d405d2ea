import { existsSync, readdirSync, readFileSync } from "node:fs";
import type { StateMachineDefinition } from "@statecraft/asl";

/**
 * The workflows the graph tests render.
 *
 * - {@link loadFixture}: checked-in copies (the seed as infra generates it,
 *   and an image-upload workflow of the same shape as the planned one), so
 *   golden files stay stable whatever infra generates next.
 * - {@link generatedWorkflows}: every `infra/dist/asl/*.asl.json` that infra's
 *   build wrote (turbo builds infra before these tests); structural tests run
 *   on each, so a new workflow is covered as soon as it lands.
 */
export type FixtureName = "song-lyrics" | "image-upload";

const generatedDir = new URL("../../../../infra/dist/asl/", import.meta.url);

function read(url: URL): StateMachineDefinition {
  return JSON.parse(readFileSync(url, "utf8")) as StateMachineDefinition;
}

/** A checked-in copy. */
export function loadFixture(name: FixtureName): StateMachineDefinition {
  return read(new URL(`./${name}.asl.json`, import.meta.url));
}

/** The ASL infra generated for `name`, or the checked-in copy when infra has not generated it. */
export function loadWorkflow(name: FixtureName): StateMachineDefinition {
  const generated = new URL(`${name}.asl.json`, generatedDir);
  return existsSync(generated) ? read(generated) : loadFixture(name);
}

/** Every workflow infra generated, by name (empty when infra has not been built). */
export function generatedWorkflows(): [string, StateMachineDefinition][] {
  if (!existsSync(generatedDir)) return [];
  return readdirSync(generatedDir)
    .filter((file) => file.endsWith(".asl.json"))
    .sort()
    .map((file) => [file.slice(0, -".asl.json".length), read(new URL(file, generatedDir))]);
}

/** Every state name of a definition, nested ones included. */
export function allStateNames(definition: Pick<StateMachineDefinition, "States">): string[] {
  return Object.entries(definition.States).flatMap(([name, state]) => {
    const inner = state.Type === "Parallel" ? state.Branches : state.Type === "Map" ? [state.ItemProcessor ?? state.Iterator].filter((g) => g !== undefined) : [];
    return [name, ...inner.flatMap(allStateNames)];
  });
}
