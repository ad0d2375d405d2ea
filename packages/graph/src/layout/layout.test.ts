import { describe, expect, test } from "vitest";
import { loadFixture } from "../test-fixtures/fixtures.js";
import { type GraphLayout, layoutGraph, type PlacedNode } from "./layout.js";

const inside = (inner: PlacedNode, outer: PlacedNode): boolean =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

const overlap = (a: PlacedNode, b: PlacedNode): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe("layoutGraph", () => {
  let layout: GraphLayout;

  test("places every node of the image-upload workflow inside the drawing", async () => {
    layout = await layoutGraph(loadFixture("image-upload"));
    expect(layout.nodes).toHaveLength(layout.model.nodes.length);
    for (const placed of layout.nodes) {
      expect(placed.width).toBeGreaterThan(0);
      expect(placed.x + placed.width).toBeLessThanOrEqual(layout.width);
      expect(placed.y + placed.height).toBeLessThanOrEqual(layout.height);
    }
  });

  test("keeps children inside their Parallel branch and Map boxes (absolute coordinates)", () => {
    const byId = new Map(layout.nodes.map((placed) => [placed.node.id, placed]));
    for (const placed of layout.nodes) {
      const parent = placed.node.parent === undefined ? undefined : byId.get(placed.node.parent);
      if (parent !== undefined) expect(inside(placed, parent), `${placed.node.id} in ${parent.node.id}`).toBe(true);
    }
  });

  test("does not overlap siblings", () => {
    for (const a of layout.nodes) {
      for (const b of layout.nodes) {
        if (a !== b && a.node.parent === b.node.parent) expect(overlap(a, b), `${a.node.id} / ${b.node.id}`).toBe(false);
      }
    }
  });

  test("routes every edge from its source box to its target box", () => {
    const byId = new Map(layout.nodes.map((placed) => [placed.node.id, placed]));
    const near = (p: { x: number; y: number }, box: PlacedNode): boolean =>
      p.x >= box.x - 1 && p.x <= box.x + box.width + 1 && p.y >= box.y - 1 && p.y <= box.y + box.height + 1;
    for (const { edge, points } of layout.edges) {
      expect(points.length).toBeGreaterThanOrEqual(2);
      const first = points[0];
      const last = points.at(-1);
      const from = byId.get(edge.from);
      const to = byId.get(edge.to);
      if (first === undefined || last === undefined || from === undefined || to === undefined) throw new TypeError("missing");
      expect(near(first, from), `${edge.id} starts at ${edge.from}`).toBe(true);
      expect(near(last, to), `${edge.id} ends at ${edge.to}`).toBe(true);
    }
  });

  test("places Choice and Catch labels on their edges", () => {
    const labelled = layout.edges.filter((e) => e.edge.label !== undefined);
    expect(labelled.map((e) => e.label?.text)).toContain("catch InvalidImage");
    for (const { label, points } of labelled) {
      if (label === undefined) throw new TypeError("label missing");
      const touches = points.some((p, i) => {
        const q = points[i + 1];
        if (q === undefined) return false;
        const [x0, x1] = [Math.min(p.x, q.x), Math.max(p.x, q.x)];
        const [y0, y1] = [Math.min(p.y, q.y), Math.max(p.y, q.y)];
        return x1 >= label.x && x0 <= label.x + label.width && y1 >= label.y && y0 <= label.y + label.height;
      });
      expect(touches, label.text).toBe(true);
    }
  });
});
