import type { StateMachineDefinition } from "@statecraft/asl";
import { describe, expect, test } from "vitest";
import { loadFixture } from "../test-fixtures/fixtures.js";
import { GraphDefinitionError } from "./errors.js";
import { buildGraphModel } from "./graph-model.js";

describe("buildGraphModel", () => {
  test("puts Map processor states inside the Map and Parallel states inside their branch", () => {
    const model = buildGraphModel(loadFixture("image-upload"));
    const byId = new Map(model.nodes.map((node) => [node.id, node]));
    expect(byId.get("ResizeImage")?.parent).toBe("MakeThumbnails");
    expect(byId.get("ResizeImage")?.depth).toBe(1);
    expect(byId.get("NotifyOwner")?.parent).toBe("RecordUpload__branch2");
    expect(byId.get("RecordUpload__branch2")?.parent).toBe("RecordUpload");
    expect(byId.get("NotifyOwner")?.depth).toBe(2);
    expect(byId.get("ReadImageInfo")?.retries).toBe(true);
  });

  test("lists every compound node before its children", () => {
    const model = buildGraphModel(loadFixture("image-upload"));
    const seen = new Set<string>();
    for (const node of model.nodes) {
      if (node.parent !== undefined) expect(seen.has(node.parent)).toBe(true);
      seen.add(node.id);
    }
  });

  test("maps state names to node ids", () => {
    const model = buildGraphModel(loadFixture("song-lyrics"));
    expect([...model.stateIds]).toEqual([
      ["song", "song"],
      ["lyrics", "lyrics"],
    ]);
  });

  test("reports every dangling transition and duplicate name with its pointer", () => {
    const broken: StateMachineDefinition = {
      StartAt: "Nope",
      States: {
        A: { Type: "Task", Resource: "x", Next: "Missing", Catch: [{ ErrorEquals: ["States.ALL"], Next: "Gone" }] },
        P: {
          Type: "Parallel",
          End: true,
          Branches: [{ StartAt: "A", States: { A: { Type: "Pass", Next: "Outside" } } }],
        },
      },
    };
    let caught: unknown;
    try {
      buildGraphModel(broken);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GraphDefinitionError);
    const error = caught as GraphDefinitionError;
    expect(error.name).toBe("States.InvalidDefinition");
    expect(error.problems.map((p) => p.pointer)).toEqual([
      "/StartAt",
      "/States/A/Next",
      "/States/A/Catch/0/Next",
      "/States/P/Branches/0/States/A",
      "/States/P/Branches/0/States/A/Next",
    ]);
  });
});
