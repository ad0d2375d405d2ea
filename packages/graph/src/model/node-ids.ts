/** Words Mermaid treats as keywords in flowcharts; a node cannot be called that. */
const reserved = new Set(["end", "graph", "subgraph", "flowchart", "style", "class", "classdef", "click", "linkstyle", "direction", "default"]);

/**
 * Hands out node ids that are safe in Mermaid, ELK and SVG: letters, digits
 * and `_`, derived from the state name so output stays readable, with a
 * numeric suffix where two names collide after cleaning.
 */
export class NodeIds {
  /** `__root__` is the layout's own root node. */
  private readonly used = new Set<string>(["__root__"]);

  claim(name: string): string {
    let base = name.replace(/[^A-Za-z0-9_]/g, "_");
    if (base === "" || /^[0-9]/.test(base) || reserved.has(base.toLowerCase())) base = `s_${base}`;
    let id = base;
    for (let n = 2; this.used.has(id); n += 1) id = `${base}_${n}`;
    this.used.add(id);
    return id;
  }
}
