import * as z from "zod";
import { type Expr, makeExpr } from "../expr.js";

/** The whole state input, as an expression (`$` / `$states.input`). */
export function inputRoot(): Expr<unknown> {
  return makeExpr({ kind: "path", root: "input", steps: [] }, z.unknown());
}
